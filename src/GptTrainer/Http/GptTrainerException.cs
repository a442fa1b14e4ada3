namespace GptTrainer.Http;

/// <summary>Anything that went wrong talking to GPT-trainer, already phrased for the person reading the error.</summary>
public abstract class GptTrainerException : Exception
{
    private protected GptTrainerException(string errorId, ErrorCategory category, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>Stable identifier used as the ErrorRecord's error id.</summary>
    public string ErrorId { get; }

    public ErrorCategory Category { get; }
}
