using System.Net;

namespace GptTrainer.Http;

/// <summary>
/// The proxy given to Connect-GptTrainer -Proxy, for every request without exception. WebProxy would do
/// the same on PowerShell 7, but on .NET Framework it never proxies this machine's own addresses, so a
/// connection to a local emulator or gateway would quietly go around the proxy it was given.
/// </summary>
internal sealed class ExplicitProxy(Uri address, ICredentials? credentials) : IWebProxy
{
    public Uri Address { get; } = address;

    public ICredentials? Credentials { get; set; } = credentials;

    public Uri GetProxy(Uri destination) => Address;

    public bool IsBypassed(Uri host) => false;
}
