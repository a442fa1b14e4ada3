namespace GptTrainer.Http;

/// <summary>The service answered with a status other than success.</summary>
public sealed class GptTrainerApiException(int statusCode, string reasonPhrase, string method, string path, string serverMessage, TimeSpan? retryAfter = null, string? note = null)
    : GptTrainerException("Http" + statusCode, CategoryFor(statusCode), Describe(statusCode, reasonPhrase, method, path, serverMessage, note))
{
    public int StatusCode { get; } = statusCode;

    public string ReasonPhrase { get; } = reasonPhrase;

    public string Method { get; } = method;

    public string Path { get; } = path;

    /// <summary>What the server said, taken from its JSON error fields or its raw body.</summary>
    public string ServerMessage { get; } = serverMessage;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The body as received (at most 64 KiB), for callers that read meaning into a refusal.</summary>
    public string ResponseBody { get; init; } = string.Empty;

    internal static ErrorCategory CategoryFor(int statusCode) => statusCode switch
    {
        401 => ErrorCategory.AuthenticationError,
        403 => ErrorCategory.PermissionDenied,
        404 => ErrorCategory.ObjectNotFound,
        405 => ErrorCategory.NotImplemented,
        409 => ErrorCategory.ResourceExists,
        400 or 422 => ErrorCategory.InvalidArgument,
        408 => ErrorCategory.OperationTimeout,
        429 => ErrorCategory.LimitsExceeded,
        >= 500 => ErrorCategory.ConnectionError,
        _ => ErrorCategory.InvalidResult,
    };

    private static string Describe(int statusCode, string reasonPhrase, string method, string path, string serverMessage, string? note)
    {
        string reason = string.IsNullOrEmpty(reasonPhrase) ? string.Empty : $" ({reasonPhrase})";
        string said = string.IsNullOrWhiteSpace(serverMessage) ? " with an empty body" : $": {serverMessage}";
        string extra = string.IsNullOrEmpty(note) ? string.Empty : " " + note;
        return $"GPT-trainer answered {statusCode}{reason} to {method} {path}{said}{extra}";
    }
}
