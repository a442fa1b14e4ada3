namespace GptTrainer.Http;

/// <summary>Where the HTTP layer reports what it does. Implementations must be callable from any thread.</summary>
internal interface IApiLog
{
    void Verbose(string message);

    void Debug(string message);

    void Progress(ProgressReport report);

    /// <summary>A request was answered with success; what changed, the host may have cached (tab completion does).</summary>
    void Succeeded(HttpMethod method);
}
