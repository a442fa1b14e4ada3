namespace GptTrainer.Http;

/// <summary>For callers that report nothing, such as tab completion.</summary>
internal sealed class NullApiLog : IApiLog
{
    public static readonly NullApiLog Instance = new();

    public void Verbose(string message) { }

    public void Debug(string message) { }

    public void Progress(ProgressReport report) { }

    public void Succeeded(HttpMethod method) { }
}
