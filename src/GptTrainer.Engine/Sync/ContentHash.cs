using System.Security.Cryptography;

namespace GptTrainer.Sync;

/// <summary>
/// A file's content version: the start of its SHA-256, so that a file is unchanged exactly when its bytes
/// are, whatever its time stamps say (a fresh checkout resets them all) and whatever its size (an edit can
/// keep it).
/// </summary>
internal static class ContentHash
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Text formats whose line endings git may rewrite on checkout (core.autocrlf): CRLF counts as LF there, so
    /// a Windows runner and a Linux runner see the same version of the same commit and neither uploads it again.
    /// </summary>
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".csv", ".json", ".html", ".htm", ".rtf",
    };

    public static string Of(string path, CancellationToken cancellationToken)
    {
        bool text = TextExtensions.Contains(Path.GetExtension(path));
        using var sha = SHA256.Create();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.SequentialScan);
        byte[] buffer = new byte[BufferSize];
        byte[]? normalized = text ? new byte[BufferSize + 1] : null;
        bool heldCarriageReturn = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (normalized is null)
            {
                sha.TransformBlock(buffer, 0, read, null, 0);
                continue;
            }

            // A CR is held back until the next byte shows whether it starts a CRLF, also across reads.
            int length = 0;
            for (int i = 0; i < read; i++)
            {
                byte b = buffer[i];
                if (heldCarriageReturn && b != (byte)'\n')
                {
                    normalized[length++] = (byte)'\r';
                }

                heldCarriageReturn = b == (byte)'\r';
                if (!heldCarriageReturn)
                {
                    normalized[length++] = b;
                }
            }

            sha.TransformBlock(normalized, 0, length, null, 0);
        }

        byte[] last = heldCarriageReturn ? new[] { (byte)'\r' } : Array.Empty<byte>();
        sha.TransformFinalBlock(last, 0, last.Length);
        return SyncedName.Hex(sha.Hash!, SyncedName.ContentIdLength);
    }
}
