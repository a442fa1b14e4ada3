namespace GptTrainer.Http;

/// <summary>
/// Base of the module's streams that read through another stream and never write: everything but reading
/// is refused, and disposing disposes what they read from.
/// </summary>
internal abstract class ReadOnlyWrapperStream : Stream
{
    private protected ReadOnlyWrapperStream(Stream inner) => Inner = inner;

    private protected Stream Inner { get; }

    /// <summary>Disposed with this stream; the inner one unless a subclass has wrapped it further.</summary>
    private protected virtual Stream Outermost => Inner;

    public override abstract Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

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
            Outermost.Dispose();
        }

        base.Dispose(disposing);
    }
}
