namespace GptTrainer.Http;

/// <summary>
/// The service kept redirecting. A loop does not go away by asking again, so unlike a dropped connection
/// this is never retried.
/// </summary>
public sealed class GptTrainerTooManyRedirectsException(string request, int redirects, string lastLocation)
    : GptTrainerException("TooManyRedirects", ErrorKind.ConnectionError, $"{request} was redirected {redirects} times without arriving (a redirect loop?); the last redirect pointed to {lastLocation}. Check the base URI given to Connect-GptTrainer.")
{
    public string Request { get; } = request;

    public string LastLocation { get; } = lastLocation;
}
