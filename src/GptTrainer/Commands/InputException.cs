namespace GptTrainer.Commands;

/// <summary>Carries an input error out of a helper to the record loop, which writes it and moves on.</summary>
internal sealed class InputException : Exception
{
    public InputException(ErrorRecord errorRecord) : base(errorRecord.Exception.Message) => ErrorRecord = errorRecord;

    public ErrorRecord ErrorRecord { get; }

    /// <summary>
    /// Nothing is left for the command to do, for this input or any after it (not connected, no key,
    /// parameters that contradict each other): the error is written like any other, and the command ends.
    /// </summary>
    public bool EndsCommand { get; init; }
}
