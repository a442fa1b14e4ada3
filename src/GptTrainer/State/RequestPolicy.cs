using System.Runtime.InteropServices;
using System.Security;

namespace GptTrainer.State;

/// <summary>How hard the module tries before it reports a failure. Immutable; per-call values make a copy.</summary>
internal sealed class RequestPolicy
{
    public static readonly RequestPolicy Default = new(4, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120));

    public RequestPolicy(int maximumRetryCount, TimeSpan maximumRetryDelay, TimeSpan connectTimeout, TimeSpan idleTimeout)
    {
        MaximumRetryCount = maximumRetryCount;
        MaximumRetryDelay = maximumRetryDelay;
        ConnectTimeout = connectTimeout;
        IdleTimeout = idleTimeout;
    }

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaximumRetryCount { get; }

    /// <summary>The longest single wait between attempts, whether computed or asked for by Retry-After.</summary>
    public TimeSpan MaximumRetryDelay { get; }

    public TimeSpan ConnectTimeout { get; }

    /// <summary>How long the server may stay silent, before the headers or between two pieces of a reply.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>The first back-off step; doubles per attempt. Only tests shorten it.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public RequestPolicy With(int? maximumRetryCount = null, TimeSpan? maximumRetryDelay = null, TimeSpan? connectTimeout = null, TimeSpan? idleTimeout = null)
        => new(
            maximumRetryCount ?? MaximumRetryCount,
            maximumRetryDelay ?? MaximumRetryDelay,
            connectTimeout ?? ConnectTimeout,
            idleTimeout ?? IdleTimeout)
        {
            FirstRetryDelay = FirstRetryDelay,
        };
}
