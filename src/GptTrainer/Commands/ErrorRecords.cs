using GptTrainer.Operations;

namespace GptTrainer.Commands;

/// <summary>
/// The error records users see, made in one place so that each failure has its stable id, its category and
/// the value it is about. Imported into every file of the module (GlobalUsings), so cmdlets call them by name.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>Turns a module failure into the error record users see, with the value that caused it as target.</summary>
    public static ErrorRecord ToErrorRecord(Exception exception, object? target)
    {
        if (exception is GptTrainerException known)
        {
            return new ErrorRecord(known, known.ErrorId, CategoryOf(known.Category), target);
        }

        return new ErrorRecord(exception, "UnexpectedFailure", ErrorCategory.NotSpecified, target);
    }

    /// <summary>A failure the engine reported about one item of long work.</summary>
    public static ErrorRecord ToErrorRecord(OperationError error) => new(error.Exception, error.ErrorId, CategoryOf(error.Kind), error.Target)
    {
        ErrorDetails = error.Details is null ? null : new ErrorDetails(error.Details),
    };

    /// <summary>The engine names its kinds of failure after PowerShell's categories.</summary>
    public static ErrorCategory CategoryOf(ErrorKind kind)
        => Enum.TryParse(kind.ToString(), out ErrorCategory category) ? category : ErrorCategory.NotSpecified;

    /// <summary>
    /// An error that leaves nothing for the command to do, for this input or any after it: thrown to the record
    /// loop, which writes it (so it obeys -ErrorAction like any error) and ends the command.
    /// </summary>
    public static InputException CommandEnding(ErrorRecord record) => new(record) { EndsCommand = true };

    /// <summary>Rejects bad input before any request is sent.</summary>
    public static ErrorRecord InputError(string errorId, string message, ErrorCategory category, object? target)
        => new(new ArgumentException(message), errorId, category, target);
}
