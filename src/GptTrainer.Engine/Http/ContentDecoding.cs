using System.IO.Compression;
using System.Reflection;

namespace GptTrainer.Http;

/// <summary>
/// Undoes a Content-Encoding. The module never asks for compression, but a proxy may compress anyway, and
/// compressed bytes decoded as text would reach the pipeline as garbage. gzip and deflate are decoded
/// everywhere, br where the runtime has Brotli (PowerShell 7); anything else is refused.
/// </summary>
internal static class ContentDecoding
{
    private static readonly Lazy<ConstructorInfo?> BrotliStream = new(() =>
        Type.GetType("System.IO.Compression.BrotliStream, System.IO.Compression.Brotli", throwOnError: false)
            ?.GetConstructor(new[] { typeof(Stream), typeof(CompressionMode) }));

    /// <summary>The body with its encodings undone, last applied first; null names an encoding it cannot undo.</summary>
    public static Stream Decode(Stream body, ICollection<string> encodings, out string? unsupported)
    {
        unsupported = null;
        foreach (string encoding in encodings.Reverse())
        {
            switch (encoding.Trim().ToLowerInvariant())
            {
                case "identity":
                case "":
                    break;
                case "gzip":
                case "x-gzip":
                    body = new GZipStream(body, CompressionMode.Decompress);
                    break;
                case "deflate":
                    body = new ZlibStream(body);
                    break;
                case "br" when BrotliStream.Value is ConstructorInfo brotli:
                    body = (Stream)brotli.Invoke(new object[] { body, CompressionMode.Decompress });
                    break;
                default:
                    unsupported = encoding;
                    return body;
            }
        }

        return body;
    }
}
