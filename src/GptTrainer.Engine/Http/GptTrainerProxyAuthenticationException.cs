namespace GptTrainer.Http;

/// <summary>
/// A proxy between here and the service answered 407: it wants to know who is asking, and was not told (or
/// not convinced). Never retried: the same request would get the same answer.
/// </summary>
public sealed class GptTrainerProxyAuthenticationException(string proxy, bool credentialGiven, Exception? inner = null)
    : GptTrainerException(
        "ProxyAuthenticationRequired",
        ErrorKind.AuthenticationError,
        $"The proxy {proxy} refused to pass the request on (407 Proxy Authentication Required): "
            + (credentialGiven ? "it did not accept the proxy credential given. Check -ProxyCredential (or -ProxyUseDefaultCredentials) of Connect-GptTrainer." : "it asks who is there. Give Connect-GptTrainer -ProxyCredential, or -ProxyUseDefaultCredentials to answer with your own sign-in."),
        inner)
{
    /// <summary>The proxy that refused, as far as the module knows it.</summary>
    public string Proxy { get; } = proxy;
}
