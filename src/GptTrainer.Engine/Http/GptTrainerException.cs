namespace GptTrainer.Http;

/// <summary>Anything that went wrong talking to GPT-trainer, already phrased for the person reading the error.</summary>
public abstract class GptTrainerException : Exception
{
    private protected GptTrainerException(string errorId, ErrorKind category, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>Stable identifier used as the ErrorRecord's error id.</summary>
    public string ErrorId { get; }

    /// <summary>The kind of failure; the error record's category has the same name.</summary>
    public ErrorKind Category { get; }
}
