namespace GptTrainer.Http;

/// <summary>An answer grew past the limit the module keeps in memory; what arrived before the limit was kept where it could be.</summary>
public sealed class GptTrainerResponseTooLargeException(string request, long limit, string what)
    : GptTrainerException("ResponseTooLarge", ErrorKind.LimitsExceeded, $"The answer to {request} is larger than the -MaximumResponseSizeMB limit of {limit / (1024 * 1024)} MiB: {what}. Raise the limit with -MaximumResponseSizeMB on the command or on Connect-GptTrainer if the answer is expected to be that large.")
{
    public string Request { get; } = request;

    /// <summary>The limit, in bytes.</summary>
    public long Limit { get; } = limit;
}
