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

    internal static ErrorKind CategoryFor(int statusCode) => statusCode switch
    {
        401 => ErrorKind.AuthenticationError,
        403 => ErrorKind.PermissionDenied,
        404 => ErrorKind.ObjectNotFound,
        405 => ErrorKind.NotImplemented,
        409 => ErrorKind.ResourceExists,
        400 or 422 => ErrorKind.InvalidArgument,
        408 => ErrorKind.OperationTimeout,
        429 => ErrorKind.LimitsExceeded,
        >= 500 => ErrorKind.ConnectionError,
        _ => ErrorKind.InvalidResult,
    };

    private static string Describe(int statusCode, string reasonPhrase, string method, string path, string serverMessage, string? note)
    {
        string reason = string.IsNullOrEmpty(reasonPhrase) ? string.Empty : $" ({reasonPhrase})";
        string said = string.IsNullOrWhiteSpace(serverMessage) ? " with an empty body" : $": {serverMessage}";
        string extra = string.IsNullOrEmpty(note) ? string.Empty : " " + note;
        return $"GPT-trainer answered {statusCode}{reason} to {method} {path}{said}{extra}";
    }
}
