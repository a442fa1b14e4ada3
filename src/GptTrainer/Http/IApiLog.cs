namespace GptTrainer.Http;

/// <summary>Where the HTTP layer reports what it does. Implementations must be callable from any thread.</summary>
internal interface IApiLog
{
    void Verbose(string message);

    void Debug(string message);

    void Progress(ProgressRecord record);
}
