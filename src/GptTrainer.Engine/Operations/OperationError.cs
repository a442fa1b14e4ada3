namespace GptTrainer.Operations;

/// <summary>A failure about one item of long work, as the host reports it: an error record in PowerShell.</summary>
/// <param name="Details">What the person reads instead of the exception's own message, when the context says more.</param>
internal sealed record OperationError(Exception Exception, string ErrorId, ErrorKind Kind, object? Target, string? Details = null)
{
    /// <summary>A failure of the module's own kind keeps its id and kind; anything else is unexpected.</summary>
    public static OperationError From(Exception exception, object? target, string? details = null)
        => exception is GptTrainerException known
            ? new OperationError(known, known.ErrorId, known.Category, target, details)
            : new OperationError(exception, "UnexpectedFailure", ErrorKind.NotSpecified, target, details);
}
