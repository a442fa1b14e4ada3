namespace GptTrainer.Http;

/// <summary>The service answered with a status other than success.</summary>
public sealed class GptTrainerApiException : GptTrainerException
{
    public GptTrainerApiException(int statusCode, string reasonPhrase, string method, string path, string serverMessage, TimeSpan? retryAfter = null, string? note = null)
        : base(Describe(statusCode, reasonPhrase, method, path, serverMessage, note))
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Method = method;
        Path = path;
        ServerMessage = serverMessage;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>What the server said, taken from its JSON error fields or its raw body.</summary>
    public string ServerMessage { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The body as received (at most 64 KiB), for callers that read meaning into a refusal.</summary>
    public string ResponseBody { get; init; } = string.Empty;

    public override string ErrorId => "Http" + StatusCode;

    public override ErrorCategory Category => CategoryFor(StatusCode);

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
