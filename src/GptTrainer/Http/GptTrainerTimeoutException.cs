namespace GptTrainer.Http;

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

    public override string ErrorId => TimeoutName switch
    {
        ConnectTimeoutName => "ConnectTimeout",
        ResponseTimeoutName => "ResponseTimeout",
        _ => "IdleTimeout",
    };

    public override ErrorCategory Category => ErrorCategory.OperationTimeout;

    internal const string ConnectTimeoutName = "connect timeout";
    internal const string IdleTimeoutName = "idle timeout";
    internal const string ResponseTimeoutName = "response timeout";
}
