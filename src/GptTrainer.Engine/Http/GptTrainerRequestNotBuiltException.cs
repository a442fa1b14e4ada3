namespace GptTrainer.Http;

/// <summary>
/// The request could not be put together from what it was given (a value .NET will not write into a
/// header, say), so nothing was sent. Asking again would fail the same way, so it is never retried.
/// </summary>
public sealed class GptTrainerRequestNotBuiltException(string request, Exception inner)
    : GptTrainerException("RequestNotBuilt", ErrorKind.InvalidArgument, $"Could not build {request}, so nothing was sent: {inner.Message}", inner)
{
    /// <summary>Method and path of the request, never headers.</summary>
    public string Request { get; } = request;
}
