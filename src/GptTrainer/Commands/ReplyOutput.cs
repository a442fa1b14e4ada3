using System.Management.Automation.Host;

namespace GptTrainer.Commands;

/// <summary>
/// How a streamed reply reaches the user: written into the pipeline as data, piece by piece and exactly as
/// it arrived, or shown on the host as flowing text wrapped to the window. Whatever arrived before a failure
/// is kept either way. What is shown is neutralised as it is shown (FlowingText); the pipeline's data is exact.
/// </summary>
/// <param name="cmdlet">The command whose host shows the text and whose pipeline takes the pieces.</param>
/// <param name="stop">The command's stop token: showing checks it between pieces as well as while waiting.</param>
internal sealed class ReplyOutput(GptTrainerCmdlet cmdlet, CancellationToken stop)
{
    // A whole text (the history, a reply without streaming) is shown in pieces of this many characters, so
    // that Ctrl+C is heard between them, as between the pieces of a streamed reply.
    private const int ShownPiece = 8 * 1024;

    /// <summary>
    /// Writes a streamed reply: each piece the moment it is read, or with <paramref name="raw"/> the whole text
    /// at the end. A reply that fails midway keeps what arrived: the pieces are already written, and the
    /// partial text of a raw reply is written before the error.
    /// </summary>
    public void Write(ReplyReader reader, bool raw)
    {
        StringBuilder? whole = raw ? new StringBuilder() : null;
        try
        {
            string? piece;
            while ((piece = cmdlet.Await(reader.ReadPieceAsync())) is not null)
            {
                if (whole is null)
                {
                    cmdlet.WriteObject(piece);
                    continue;
                }

                // Pieces written as they come cost no memory; joined, a reply that never ends would.
                whole.Append(piece);
                reader.EnsureJoinedWithin(static received => $"the {received} bytes that arrived were written as one string before this error, and the rest was not read");
            }
        }
        catch (GptTrainerException) when (whole is { Length: > 0 })
        {
            cmdlet.WriteObject(whole.ToString());
            throw;
        }

        cmdlet.WriteDebug($"Reply complete: {reader.BytesReceived} bytes in {reader.PiecesReceived} pieces.");
        if (whole is not null)
        {
            cmdlet.WriteObject(whole.ToString());
        }
    }

    /// <summary>
    /// Shows a streamed reply as flowing text on the host, piece by piece as it arrives. Pieces that have
    /// already arrived are handed over without a wait, so the stop token is checked before each one too:
    /// <paramref name="cutShort"/> (the chat's Ctrl+C for one reply) ends the reply with an
    /// OperationCanceledException, the command's stop with PipelineStoppedException.
    /// </summary>
    public void Show(ReplyReader reader, FlowingText text, CancellationToken cutShort = default)
    {
        try
        {
            string? piece;
            while ((piece = cmdlet.Await(reader.ReadPieceAsync())) is not null)
            {
                ThrowIfStopped(cutShort);
                text.Write(piece);
            }
        }
        finally
        {
            text.Finish();
        }
    }

    /// <summary>A whole text shown as a reply is, wrapped to the window, ending its line.</summary>
    public void Show(string text)
    {
        FlowingText flowing = HostText();
        try
        {
            for (int start = 0; start < text.Length; start += ShownPiece)
            {
                ThrowIfStopped(default);
                flowing.Write(text.Substring(start, Math.Min(ShownPiece, text.Length - start)));
            }
        }
        finally
        {
            flowing.Finish();
        }

        cmdlet.Host.UI.WriteLine();
    }

    private void ThrowIfStopped(CancellationToken cutShort)
    {
        if (stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        cutShort.ThrowIfCancellationRequested();
    }

    /// <summary>Flowing text written to the host, wrapped to its window (not wrapped where the host has no window).</summary>
    public FlowingText HostText()
    {
        int width;
        try
        {
            width = cmdlet.Host.UI.RawUI?.WindowSize.Width ?? 0;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            width = 0;
        }

        // One column short: writing into the last column makes some terminals wrap before the newline does.
        return new FlowingText(piece => cmdlet.Host.UI.Write(piece), width > 1 ? width - 1 : 0);
    }

    /// <summary>The sources a reply cited, once each, under it: what the chat and -Show show after a reply.</summary>
    public void ShowSources(IReadOnlyCollection<Citation> citations)
    {
        if (citations.Count == 0)
        {
            return;
        }

        cmdlet.Host.UI.WriteLine();
        foreach (string line in Evaluation.CitedSources.Lines(citations))
        {
            Say(ConsoleColor.DarkGray, "  " + line);
        }
    }

    /// <summary>Coloured text where the host has colours, plain text where it has not.</summary>
    public void Say(ConsoleColor color, string text, bool newLine = true)
    {
        PSHostUserInterface ui = cmdlet.Host.UI;
        try
        {
            ui.Write(color, ui.RawUI.BackgroundColor, text);
        }
        catch (Exception ex) when (ex is NotImplementedException or NullReferenceException or HostException or NotSupportedException)
        {
            ui.Write(text);
        }

        if (newLine)
        {
            ui.WriteLine();
        }
    }
}
