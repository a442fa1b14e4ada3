using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace GptTrainer.Emulator;

/// <summary>The stream endpoint: plain UTF-8 text, written in flushed pieces, stored once complete.</summary>
/// <remarks>Why the stream has no framing, and what else is known about it: docs/gpt-trainer-api.md, "Streaming a reply".</remarks>
public static class Streaming
{
    private const int BulkChunk = 64 * 1024;

    public static async Task StreamReplyAsync(HttpContext ctx, Store store, Control control, SessionRecord session, string query)
    {
        ReplyPlan plan = control.PlanFor(session.Uuid);
        var writer = new ReplyWriter(ctx);
        ctx.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.Response.StartAsync(ctx.RequestAborted);

        control.StreamStarted();
        try
        {
            string stored;
            string cite = "{}";
            if (plan.GeneratePieces > 0)
            {
                await WriteGeneratedPiecesAsync(writer, plan);
                stored = $"[generated reply: {plan.GeneratePieces} pieces of {plan.PieceSize} bytes]";
            }
            else if (plan.GenerateBytes > 0)
            {
                await WriteBulkAsync(writer, plan.GenerateBytes, plan.GenerateText);
                stored = $"[generated reply: {plan.GenerateBytes} bytes]";
            }
            else if (plan.StampCount > 0)
            {
                await WriteStampsAsync(writer, plan, ctx.RequestAborted);
                stored = $"[generated reply: {plan.StampCount} time-stamped pieces]";
            }
            else
            {
                string text;
                List<byte[]> pieces;
                if (plan.Pieces is not null || plan.Text is not null)
                {
                    text = plan.Pieces is not null ? string.Concat(plan.Pieces) : plan.Text!;
                    pieces = plan.Pieces is not null && !plan.SplitUtf8
                        ? plan.Pieces.Select(Encoding.UTF8.GetBytes).ToList()
                        : ReplyComposer.PiecesOf(text, plan.SplitUtf8, wordsPerPiece: 3);
                }
                else
                {
                    ComposedReply composed = ReplyComposer.Compose(Knowledge.Of(store, session), query);
                    (text, cite) = (composed.Text, composed.CiteDataJson);
                    pieces = ReplyComposer.PiecesOf(text, plan.SplitUtf8, wordsPerPiece: 1);
                }

                await WritePacedAsync(writer, pieces, plan, control, ctx.RequestAborted);
                stored = text;
            }

            store.AddMessage(session, query, stored, cite, Array.Empty<string>());
            Interlocked.Increment(ref control.StreamsCompleted);
        }
        catch (OperationCanceledException)
        {
            // The client went away, or a fault rule cut the reply: nothing is stored, as nothing completed.
        }
        catch (IOException)
        {
        }
        finally
        {
            control.StreamEnded();
        }
    }

    private static async Task WritePacedAsync(ReplyWriter writer, List<byte[]> pieces, ReplyPlan plan, Control control, CancellationToken aborted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < pieces.Count; i++)
        {
            if (plan.DurationMs > 0)
            {
                // Spread over the duration from the start, not piece to piece, so that timer slack never adds up.
                await DelayUntilAsync(clock, (long)plan.DurationMs * i / pieces.Count, aborted);
            }
            else if (i > 0 && plan.PieceDelayMs > 0)
            {
                await Task.Delay(plan.PieceDelayMs, aborted);
            }

            await writer.WriteAsync(pieces[i]);
            if (plan.HoldAfterPieces == i + 1 && i + 1 < pieces.Count)
            {
                // Tests watch StreamsHeld to prove a piece reached them while the rest was still held back.
                Interlocked.Increment(ref control.StreamsHeld);
                try
                {
                    await Task.WhenAny(control.ReleaseSignal, Task.Delay(TimeSpan.FromSeconds(30), aborted));
                    aborted.ThrowIfCancellationRequested();
                }
                finally
                {
                    Interlocked.Decrement(ref control.StreamsHeld);
                }
            }
        }

        if (plan.DurationMs > 0)
        {
            await DelayUntilAsync(clock, plan.DurationMs, aborted);
        }
    }

    private static async Task DelayUntilAsync(System.Diagnostics.Stopwatch clock, long dueMs, CancellationToken aborted)
    {
        long wait = dueMs - clock.ElapsedMilliseconds;
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), aborted);
        }
    }

    private static async Task WriteGeneratedPiecesAsync(ReplyWriter writer, ReplyPlan plan)
    {
        byte[] piece = Encoding.ASCII.GetBytes(new string('x', Math.Max(1, plan.PieceSize - 1)) + "\n");
        for (long i = 0; i < plan.GeneratePieces; i++)
        {
            await writer.WriteAsync(piece);
        }
    }

    private static async Task WriteBulkAsync(ReplyWriter writer, long total, string? text)
    {
        byte[] chunk = new byte[BulkChunk];
        byte[] line = Encoding.ASCII.GetBytes(text ?? "The quick brown fox jumps over the lazy dog 0123456789.\n");
        for (int i = 0; i < chunk.Length; i++)
        {
            chunk[i] = line[i % line.Length];
        }

        for (long sent = 0; sent < total; sent += BulkChunk)
        {
            int size = (int)Math.Min(BulkChunk, total - sent);
            await writer.WriteAsync(chunk.AsMemory(0, size), flush: false);
        }
    }

    /// <summary>Each piece is "T=&lt;ticks&gt;\n" with the UTC time it was written, for latency measurements.</summary>
    private static async Task WriteStampsAsync(ReplyWriter writer, ReplyPlan plan, CancellationToken aborted)
    {
        for (int i = 0; i < plan.StampCount; i++)
        {
            if (i > 0)
            {
                await Task.Delay(plan.StampIntervalMs, aborted);
            }

            await writer.WriteAsync(Encoding.ASCII.GetBytes("T=" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) + "\n"));
        }
    }
}
