using System.Net.Http.Headers;

namespace GptTrainer.Http;

/// <summary>Which failures are worth another attempt, and how long to wait before it.</summary>
internal static class RetryRules
{
    /// <summary>
    /// 429 and 503 mean the server refused the request before doing anything, so even a POST may be sent
    /// again. 502 and 504 come from a gateway that may already have passed the request on, so only
    /// requests that are safe to repeat are retried after them.
    /// </summary>
    public static bool IsRetryableStatus(HttpMethod method, int statusCode) => statusCode switch
    {
        429 or 503 => true,
        502 or 504 => IsSafeToRepeat(method),
        _ => false,
    };

    /// <summary>A connection that failed may have carried the request; only a GET is safe to send again.</summary>
    public static bool IsRetryableAfterConnectionFailure(HttpMethod method) => method == HttpMethod.Get;

    public static bool IsSafeToRepeat(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head;

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? ParseRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        RetryConditionHeaderValue? value = headers.RetryAfter;
        if (value is null)
        {
            if (headers.TryGetValues("Retry-After", out var raw))
            {
                foreach (string text in raw)
                {
                    if (FloatText.TryParse(text, out double seconds) && seconds >= 0)
                    {
                        // 1e300, Infinity or twenty digits are a wait no TimeSpan holds: longer than any limit.
                        return seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
                    }
                }
            }

            return null;
        }

        if (value.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Exponential back-off with "equal jitter": half the step is fixed, half random, so many clients
    /// refused at once spread out without any of them retrying immediately.
    /// </summary>
    public static TimeSpan Backoff(int retryNumber, TimeSpan first, TimeSpan cap, Random random)
    {
        double step = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, retryNumber - 1));
        step = Math.Min(step, cap.TotalMilliseconds);
        double wait = (step / 2) + (random.NextDouble() * step / 2);
        return TimeSpan.FromMilliseconds(wait);
    }
}
