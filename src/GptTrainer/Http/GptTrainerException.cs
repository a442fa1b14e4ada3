namespace GptTrainer.Http;

/// <summary>Anything that went wrong talking to GPT-trainer, already phrased for the person reading the error.</summary>
public abstract class GptTrainerException : Exception
{
    protected GptTrainerException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Stable identifier used as the ErrorRecord's error id.</summary>
    public abstract string ErrorId { get; }

    public abstract ErrorCategory Category { get; }
}
