namespace GptTrainer.Emulator;

/// <summary>
/// Moves sources through the service's processing statuses by time: the status they start in, then
/// "chunking", then "embedding", each for a third of the processing time, then "success", or
/// "error:token" when the source would take its chatbot over the token budget. Statuses are worked out
/// when someone looks, so nothing runs in the background.
/// </summary>
/// <remarks>The store's lock guards every call; the times are a monotonic clock's, in milliseconds.</remarks>
public sealed class SourceProcessing
{
    public const string Done = "success";
    public const string OverBudget = "error:token";
    private static readonly string[] LaterPhases = { "chunking", "embedding" };

    private readonly int _initialProcessingMs;
    private readonly long _initialTokenBudget;

    public SourceProcessing(int processingMs, long tokenBudget)
    {
        _initialProcessingMs = ProcessingMs = processingMs;
        _initialTokenBudget = TokenBudget = tokenBudget;
    }

    /// <summary>How long a source takes from its first status to the last, for sources started from now on.</summary>
    public int ProcessingMs { get; set; }

    /// <summary>The tokens a chatbot's finished sources may hold together.</summary>
    public long TokenBudget { get; set; }

    public static long Now() => Environment.TickCount64;

    public void Reset()
    {
        ProcessingMs = _initialProcessingMs;
        TokenBudget = _initialTokenBudget;
    }

    public void Start(SourceRecord source, string firstStatus)
    {
        source.Status = firstStatus;
        source.Processing = new ProcessingRun(firstStatus, Now(), ProcessingMs);
    }

    /// <summary>Brings every source's status up to now; those that finish are judged against the budget in the order they finished.</summary>
    public void Refresh(IEnumerable<SourceRecord> sources) => Refresh(sources, Now());

    /// <summary>As at <paramref name="nowMs"/> on the clock of <see cref="Now"/>, so that the phases can be checked without waiting.</summary>
    public void Refresh(IEnumerable<SourceRecord> sources, long nowMs) => Settle(sources, nowMs, finishAll: false);

    /// <summary>Finishes every source still processing, as if its time were up.</summary>
    public int FinishAll(IEnumerable<SourceRecord> sources) => Settle(sources, Now(), finishAll: true);

    private int Settle(IEnumerable<SourceRecord> sources, long now, bool finishAll)
    {
        var all = sources.ToList();
        var finishing = new List<SourceRecord>();
        foreach (SourceRecord source in all)
        {
            if (source.Processing is not { } run) continue;
            long elapsed = now - run.StartedMs;
            if (finishAll || elapsed >= run.DurationMs)
            {
                finishing.Add(source);
            }
            else
            {
                int phase = (int)(3 * elapsed / run.DurationMs);
                source.Status = phase == 0 ? run.FirstStatus : LaterPhases[phase - 1];
            }
        }

        foreach (SourceRecord source in finishing.OrderBy(s => s.Processing!.StartedMs + s.Processing.DurationMs).ThenBy(s => s.Sequence))
        {
            long held = all.Where(s => s.ChatbotUuid == source.ChatbotUuid && s.Status == Done && s != source).Sum(s => s.Tokens);
            source.Status = held + source.EstimatedTokens > TokenBudget ? OverBudget : Done;
            source.Processing = null;
        }

        return finishing.Count;
    }
}
