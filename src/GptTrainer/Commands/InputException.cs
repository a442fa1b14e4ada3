namespace GptTrainer.Commands;

/// <summary>Carries an input error out of a helper to the record loop, which writes it and moves on.</summary>
internal sealed class InputException : Exception
{
    public InputException(ErrorRecord errorRecord) : base(errorRecord.Exception.Message) => ErrorRecord = errorRecord;

    public ErrorRecord ErrorRecord { get; }
}
