using System.Net.Http;
using GptTrainer.Http;
using Xunit;

namespace GptTrainer.Tests;

public class RetryRulesTests
{
    [Theory]
    [InlineData("GET", 429, true)]
    [InlineData("GET", 502, true)]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 504, true)]
    [InlineData("GET", 500, false)]
    [InlineData("DELETE", 504, true)]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 503, true)]
    [InlineData("POST", 502, false)]
    [InlineData("POST", 504, false)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 400, false)]
    public void RetriesOnlyWhatIsSafeToRepeat(string method, int status, bool retry)
    {
        Assert.Equal(retry, RetryRules.IsRetryableStatus(new HttpMethod(method), status));
    }

    [Fact]
    public void OnlyReadsAreRetriedAfterAConnectionFailure()
    {
        Assert.True(RetryRules.IsRetryableAfterConnectionFailure(HttpMethod.Get));
        Assert.False(RetryRules.IsRetryableAfterConnectionFailure(HttpMethod.Post));
    }

    [Fact]
    public void ReadsRetryAfterAsSecondsOrAsAnHttpDate()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage();
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.ParseRetryAfter(seconds.Headers, now));

        using var date = new HttpResponseMessage();
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(30).ToString("R"));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryRules.ParseRetryAfter(date.Headers, now));

        using var past = new HttpResponseMessage();
        past.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(-30).ToString("R"));
        Assert.Equal(TimeSpan.Zero, RetryRules.ParseRetryAfter(past.Headers, now));

        using var none = new HttpResponseMessage();
        Assert.Null(RetryRules.ParseRetryAfter(none.Headers, now));
    }

    [Fact]
    public void BacksOffExponentiallyWithJitterUpToTheCap()
    {
        var random = new Random(1);
        var first = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(10);
        for (int retry = 1; retry <= 6; retry++)
        {
            double step = Math.Min(Math.Pow(2, retry - 1), 10);
            for (int i = 0; i < 50; i++)
            {
                double wait = RetryRules.Backoff(retry, first, cap, random).TotalSeconds;
                Assert.InRange(wait, step / 2, step);
            }
        }
    }
}
