using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;

namespace GptTrainer.Emulator;

/// <summary>
/// Wraps any response body to apply a fault rule's cut (end the connection after N bytes) or stall
/// (pause after N bytes), so every endpoint, streamed or not, can misbehave the same way.
/// </summary>
public sealed class FaultyResponseStream : Stream
{
    /// <summary>
    /// Kestrel sends flushed bytes from its own send loop, a moment after the flush returns, and nothing
    /// tells when; this is far more than that moment takes.
    /// </summary>
    private static readonly TimeSpan SendLoopGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a cut waits for the client to notice the early end and close, before breaking the connection anyway.</summary>
    private static readonly TimeSpan ClientCloseWait = TimeSpan.FromSeconds(10);

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
            await CutAsync();
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

    /// <summary>
    /// Ends the connection so that the client gets every byte written before the cut, then finds the reply
    /// ending early. Aborting at once would reset the connection, and a reset throws away bytes not yet
    /// sent or read, so the client would often see nothing arrive at all; instead the connection is closed
    /// for sending once the bytes have left, which reaches the client after them, and broken when the client
    /// has closed its side.
    /// </summary>
    private async Task CutAsync()
    {
        await Task.Delay(SendLoopGrace);
        Socket? socket = _context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is not null)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
                await Task.Delay(ClientCloseWait, _context.RequestAborted);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client closed, as it should, or the connection is already gone.
            }
        }

        _context.Abort();
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
