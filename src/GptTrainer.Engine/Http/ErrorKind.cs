namespace GptTrainer.Http;

/// <summary>
/// What kind of failure an engine error is. The names are PowerShell's ErrorCategory names, so the module
/// turns each into the category of the error record by name; the engine itself knows no PowerShell.
/// </summary>
public enum ErrorKind
{
    NotSpecified,
    AuthenticationError,
    ConnectionError,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    LimitsExceeded,
    NotImplemented,
    ObjectNotFound,
    OperationTimeout,
    PermissionDenied,
    ReadError,
    ResourceExists,
    WriteError,
    SecurityError,
}
