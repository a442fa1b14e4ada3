namespace GptTrainer.Operations;

/// <summary>Work refused as a whole before it changed anything, such as a sync that would remove more than allowed.</summary>
public sealed class OperationRefusedException(string errorId, ErrorKind kind, string message)
    : GptTrainerException(errorId, kind, message);
