namespace GptTrainer.Http;

/// <summary>
/// The service kept redirecting. A loop does not go away by asking again, so unlike a dropped connection
/// this is never retried.
/// </summary>
public sealed class GptTrainerTooManyRedirectsException : GptTrainerException
{
    public GptTrainerTooManyRedirectsException(string request, int redirects, string lastLocation)
        : base($"{request} was redirected {redirects} times without arriving (a redirect loop?); the last redirect pointed to {lastLocation}. Check the base URI given to Connect-GptTrainer.")
    {
        Request = request;
        LastLocation = lastLocation;
    }

    public string Request { get; }

    public string LastLocation { get; }

    public override string ErrorId => "TooManyRedirects";

    public override ErrorCategory Category => ErrorCategory.ConnectionError;
}
