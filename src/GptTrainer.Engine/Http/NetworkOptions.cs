using System.Net;
using System.Security.Cryptography;

namespace GptTrainer.Http;

/// <summary>
/// How a connection reaches the service: through the system's proxy settings (the default), a proxy of its
/// own, or none; and whether server certificates are checked. Connections that agree on all of it share one
/// pooled HTTP handler (see <see cref="SharedHttpClient"/>), which is why this knows how to tell itself apart
/// from others without keeping the proxy password in a form anyone could read back.
/// </summary>
internal sealed class NetworkOptions
{
    /// <summary>The system's proxy settings, certificates checked: what every connection had before proxies could be given.</summary>
    public static readonly NetworkOptions Default = new();

    // Keyed per process, so the key of a handler says nothing about the password outside this process.
    private static readonly byte[] PasswordHashKey = NewHashKey();

    /// <summary>The proxy every request goes through; null for the system's settings (or none, with <see cref="NoProxy"/>).</summary>
    public Uri? Proxy { get; init; }

    /// <summary>What the proxy is told when it asks who is there (407). Never the API key.</summary>
    public NetworkCredential? ProxyCredential { get; init; }

    /// <summary>Answers the proxy's question with the credentials of the user running PowerShell (Kerberos, NTLM).</summary>
    public bool ProxyUseDefaultCredentials { get; init; }

    /// <summary>Goes straight to the service, whatever the system's proxy settings say.</summary>
    public bool NoProxy { get; init; }

    /// <summary>Accepts any server certificate: for test and white-label hosts whose authority this machine does not trust.</summary>
    public bool SkipCertificateCheck { get; init; }

    /// <summary>
    /// What tells apart connections that need different handlers. The proxy password enters only as a keyed
    /// hash, so two credentials for the same user still get handlers of their own.
    /// </summary>
    internal string HandlerKey => _handlerKey ??= string.Join(
        "\n",
        Proxy?.AbsoluteUri ?? string.Empty,
        ProxyCredential is null ? string.Empty : ProxyCredential.Domain + "\\" + ProxyCredential.UserName + "\n" + PasswordHash(ProxyCredential.Password),
        ProxyUseDefaultCredentials ? "default-credentials" : string.Empty,
        NoProxy ? "no-proxy" : string.Empty,
        SkipCertificateCheck ? "skip-certificate-check" : string.Empty);

    private string? _handlerKey;

    /// <summary>The proxy to give the handler; null leaves the handler with the system's proxy (or none).</summary>
    internal IWebProxy? CreateProxy()
    {
        if (Proxy is null)
        {
            return null;
        }

        ICredentials? credentials = ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : ProxyCredential;
        return new ExplicitProxy(Proxy, credentials);
    }

    /// <summary>
    /// The proxy requests to <paramref name="target"/> go through, without any user name or password it was
    /// written with: an explicit proxy, the one the system's settings name for that address, or null.
    /// </summary>
    internal Uri? ProxyFor(Uri target)
    {
        if (NoProxy)
        {
            return null;
        }

        if (Proxy is not null)
        {
            return WithoutUserInfo(Proxy);
        }

        try
        {
            // On PowerShell 7 this is HttpClient.DefaultProxy (the environment variables, or the system's
            // settings), on Windows PowerShell the system's; the handler asks the same object.
            IWebProxy? system = WebRequest.DefaultWebProxy;
            if (system is null || system.IsBypassed(target))
            {
                return null;
            }

            Uri? proxy = system.GetProxy(target);
            return proxy is null || proxy == target ? null : WithoutUserInfo(proxy);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken PAC script or setting is the request's to report, not the context's.
            return null;
        }
    }

    /// <summary>An environment proxy may carry user:password in its URI; it is never shown.</summary>
    private static Uri WithoutUserInfo(Uri uri)
        => string.IsNullOrEmpty(uri.UserInfo) ? uri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;

    private static string PasswordHash(string password)
    {
        using var hmac = new HMACSHA256(PasswordHashKey);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(password)));
    }

    private static byte[] NewHashKey()
    {
        byte[] key = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(key);
        }

        return key;
    }
}
