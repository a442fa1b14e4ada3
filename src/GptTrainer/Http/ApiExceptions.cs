using System;
using System.Management.Automation;

namespace GptTrainer.Http;

/// <summary>Anything that went wrong talking to GPT-trainer, already phrased for the person reading the error.</summary>
public abstract class GptTrainerException : Exception
{
    protected GptTrainerException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Stable identifier used as the ErrorRecord's error id.</summary>
    public abstract string ErrorId { get; }

    public abstract ErrorCategory Category { get; }
}

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

/// <summary>No usable HTTP exchange happened: DNS, refused or reset connection, TLS failure.</summary>
public sealed class GptTrainerConnectionException : GptTrainerException
{
    public GptTrainerConnectionException(string message, Exception? inner) : base(message, inner) { }

    public override string ErrorId => "ConnectionFailed";

    public override ErrorCategory Category => ErrorCategory.ConnectionError;
}

/// <summary>The connection broke after part of a reply had arrived; what arrived was already written.</summary>
public sealed class ReplyCutOffException : GptTrainerException
{
    public ReplyCutOffException(long bytesReceived, long piecesReceived, string path, Exception? inner)
        : base($"The reply from {path} was cut off after {bytesReceived} bytes in {piecesReceived} pieces had arrived; those pieces were written before this error. Cause: {inner?.GetBaseException().Message ?? "the connection closed early"}", inner)
    {
        BytesReceived = bytesReceived;
        PiecesReceived = piecesReceived;
    }

    public long BytesReceived { get; }

    public long PiecesReceived { get; }

    public override string ErrorId => "ReplyCutOff";

    public override ErrorCategory Category => ErrorCategory.ConnectionError;
}

/// <summary>One of the module's timeouts fired; the message names it and the parameter that changes it.</summary>
public sealed class GptTrainerTimeoutException : GptTrainerException
{
    public GptTrainerTimeoutException(string timeoutName, string parameterName, TimeSpan limit, string what, Exception? inner = null)
        : base($"The {timeoutName} of {limit.TotalSeconds:0.###} s fired: {what}. Change it with -{parameterName} on the command or on Connect-GptTrainer.", inner)
    {
        TimeoutName = timeoutName;
        ParameterName = parameterName;
        Limit = limit;
    }

    public string TimeoutName { get; }

    public string ParameterName { get; }

    public TimeSpan Limit { get; }

    public override string ErrorId => TimeoutName == ConnectTimeoutName ? "ConnectTimeout" : "IdleTimeout";

    public override ErrorCategory Category => ErrorCategory.OperationTimeout;

    internal const string ConnectTimeoutName = "connect timeout";
    internal const string IdleTimeoutName = "idle timeout";
}
