using System.IO.Compression;

namespace GptTrainer.Http;

/// <summary>
/// HTTP's "deflate" is zlib (a two-byte header, deflate data, a checksum), although some servers send bare
/// deflate data. netstandard2.0 has only a bare-deflate reader, so this reads the first two bytes and skips
/// them when they are a zlib header, keeping them otherwise.
/// </summary>
internal sealed class ZlibStream : ReadOnlyWrapperStream
{
    private Stream? _deflate;

    public ZlibStream(Stream inner)
        : base(inner)
    {
    }

    private protected override Stream Outermost => _deflate ?? Inner;

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _deflate ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _deflate.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        byte[] header = new byte[2];
        int have = 0;
        while (have < 2)
        {
            int read = await Inner.ReadAsync(header, have, 2 - have, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            have += read;
        }

        // A zlib header: compression method 8 (deflate) in the low nibble, and the two bytes a multiple of 31.
        bool zlib = have == 2 && (header[0] & 0x0F) == 8 && ((header[0] << 8) | header[1]) % 31 == 0;
        Stream data = zlib ? Inner : new PrefixedStream(header, have, Inner);
        return new DeflateStream(data, CompressionMode.Decompress);
    }
}
