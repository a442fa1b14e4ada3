namespace GptTrainer.Emulator;

/// <summary>
/// Wraps any response body to apply a fault rule's cut (abort the connection after N bytes) or stall
/// (pause after N bytes), so every endpoint, streamed or not, can misbehave the same way.
/// </summary>
public sealed class FaultyResponseStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpContext _context;
    private readonly FaultRule _fault;
    private bool _stalled;

    public FaultyResponseStream(Stream inner, HttpContext context, FaultRule fault)
    {
        _inner = inner;
        _context = context;
        _fault = fault;
    }

    public long Written { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (_fault.CutAfterBytes is long cut && Written + bytes.Length > cut)
        {
            int keep = (int)Math.Max(0, cut - Written);
            await _inner.WriteAsync(bytes[..keep], cancellationToken);
            await _inner.FlushAsync(cancellationToken);
            Written += keep;
            _context.Abort();
            throw new OperationCanceledException("reply cut by a fault rule");
        }

        if (!_stalled && _fault.StallAfterBytes is long stallAt && Written + bytes.Length >= stallAt)
        {
            int before = (int)Math.Max(0, stallAt - Written);
            await _inner.WriteAsync(bytes[..before], cancellationToken);
            await _inner.FlushAsync(cancellationToken);
            Written += before;
            bytes = bytes[before..];
            _stalled = true;
            await Task.Delay(_fault.StallMs, _context.RequestAborted);
        }

        await _inner.WriteAsync(bytes, cancellationToken);
        Written += bytes.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
