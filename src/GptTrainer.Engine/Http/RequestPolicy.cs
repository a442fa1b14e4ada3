namespace GptTrainer.Http;

/// <summary>How hard the module tries, and how long and how much it waits, before it reports a failure. Per-call values make a copy.</summary>
internal sealed record RequestPolicy
{
    public static readonly RequestPolicy Default = new();

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaximumRetryCount { get; init; } = 4;

    /// <summary>The longest single wait between attempts, whether computed or asked for by Retry-After.</summary>
    public TimeSpan MaximumRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first back-off step; it doubles per attempt. Connect-GptTrainer -FirstRetryDelayMs shortens it for tests.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server may stay silent, before the headers or between two pieces of a reply.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a whole JSON answer may take to arrive once it has started. Streamed replies have no such
    /// limit (a long reply that keeps coming is never cut); a buffered answer that trickles needs one.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The most of an answer kept in memory: a JSON answer, or a streamed reply joined with -Raw. 64 MiB keeps
    /// a runaway answer's cost to a few hundred MB of process memory while no real answer comes near it.
    /// </summary>
    public long MaximumResponseSize { get; init; } = 64L * 1024 * 1024;
}
