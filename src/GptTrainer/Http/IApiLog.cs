namespace GptTrainer.Http;

/// <summary>Where the HTTP layer reports what it does. Implementations must be callable from any thread.</summary>
internal interface IApiLog
{
    void Verbose(string message);

    void Debug(string message);
}

internal sealed class NullApiLog : IApiLog
{
    public static readonly NullApiLog Instance = new();

    public void Verbose(string message) { }

    public void Debug(string message) { }
}
