namespace GptTrainer.Http;

/// <summary>One of the module's timeouts fired; the message names it and the parameter that changes it.</summary>
public sealed class GptTrainerTimeoutException(string timeoutName, string parameterName, TimeSpan limit, string what, Exception? inner = null)
    : GptTrainerException(ErrorIdFor(timeoutName), ErrorKind.OperationTimeout, $"The {timeoutName} of {limit.TotalSeconds:0.###} s fired: {what}. Change it with -{parameterName} on the command or on Connect-GptTrainer.", inner)
{
    public string TimeoutName { get; } = timeoutName;

    public string ParameterName { get; } = parameterName;

    public TimeSpan Limit { get; } = limit;

    private static string ErrorIdFor(string timeoutName) => timeoutName switch
    {
        ConnectTimeoutName => "ConnectTimeout",
        ResponseTimeoutName => "ResponseTimeout",
        _ => "IdleTimeout",
    };

    internal const string ConnectTimeoutName = "connect timeout";
    internal const string IdleTimeoutName = "idle timeout";
    internal const string ResponseTimeoutName = "response timeout";
}
