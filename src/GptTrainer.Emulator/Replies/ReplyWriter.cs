namespace GptTrainer.Emulator;

/// <summary>Writes a reply body piece by piece, each flushed so that it leaves as its own chunk.</summary>
public sealed class ReplyWriter
{
    private readonly HttpContext _context;

    public ReplyWriter(HttpContext context) => _context = context;

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, bool flush = true)
    {
        CancellationToken aborted = _context.RequestAborted;
        await _context.Response.Body.WriteAsync(bytes, aborted);
        if (flush)
        {
            await _context.Response.Body.FlushAsync(aborted);
        }
    }
}
