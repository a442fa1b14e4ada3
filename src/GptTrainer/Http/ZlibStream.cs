using System.IO.Compression;

namespace GptTrainer.Http;

/// <summary>
/// HTTP's "deflate" is zlib (a two-byte header, deflate data, a checksum), although some servers send bare
/// deflate data. netstandard2.0 has only a bare-deflate reader, so this reads the first two bytes and skips
/// them when they are a zlib header, keeping them otherwise.
/// </summary>
internal sealed class ZlibStream : Stream
{
    private readonly Stream _inner;
    private Stream? _deflate;

    public ZlibStream(Stream inner) => _inner = inner;

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _deflate ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _deflate.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    private async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        byte[] header = new byte[2];
        int have = 0;
        while (have < 2)
        {
            int read = await _inner.ReadAsync(header, have, 2 - have, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            have += read;
        }

        // A zlib header: compression method 8 (deflate) in the low nibble, and the two bytes a multiple of 31.
        bool zlib = have == 2 && (header[0] & 0x0F) == 8 && ((header[0] << 8) | header[1]) % 31 == 0;
        Stream data = zlib ? _inner : new PrefixedStream(header, have, _inner);
        return new DeflateStream(data, CompressionMode.Decompress);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_deflate ?? _inner).Dispose();
        }

        base.Dispose(disposing);
    }
}
