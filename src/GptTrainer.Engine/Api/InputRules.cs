using System.Net;

namespace GptTrainer.Api;

/// <summary>Checks on what users type, applied before any request is sent.</summary>
internal static class InputRules
{
    /// <summary>
    /// The API's ids are 32 lowercase hex digits. A dashed or braced GUID names the same id, so it is
    /// accepted and rewritten; anything else is refused with null.
    /// </summary>
    public static string? NormalizeUuid(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string trimmed = value.Trim();
        if (trimmed.Length == 32 && IsHex(trimmed))
        {
            return trimmed.ToLowerInvariant();
        }

        return Guid.TryParseExact(trimmed, "D", out Guid dashed) || Guid.TryParseExact(trimmed, "B", out dashed)
            ? dashed.ToString("N", CultureInfo.InvariantCulture)
            : null;
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why a base URI cannot be used, or null when it can.</summary>
    public static string? BaseUriProblem(Uri? uri, bool allowUnencryptedAuthentication)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return $"The base URI '{uri}' is not an absolute URI; give one such as {ConnectionSettings.DefaultBaseUri}.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return $"The base URI '{uri}' uses '{uri.Scheme}'; only https (or http to this machine) is supported.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The base URI must not carry a user name or password; the API key is the only credential.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri) && !allowUnencryptedAuthentication)
        {
            return $"The base URI '{uri}' is plain http to another host, which would send the API key unencrypted. Use https, or pass -AllowUnencryptedAuthentication if you accept that risk.";
        }

        return null;
    }

    /// <summary>
    /// Why a proxy address cannot be used, or null when it can. The address is not repeated: written wrongly,
    /// it may hold a password ("user:secret@proxy:3128" reads as a URI of scheme "user").
    /// </summary>
    public static string? ProxyProblem(Uri proxy)
    {
        const string Example = "give one such as http://proxy.example.org:3128";
        if (!proxy.IsAbsoluteUri)
        {
            return $"-Proxy is not an absolute URI; {Example}.";
        }

        if (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps)
        {
            return $"-Proxy uses '{proxy.Scheme}'; only http and https proxies are supported: {Example}.";
        }

        if (!string.IsNullOrEmpty(proxy.UserInfo))
        {
            return "-Proxy must not carry a user name or password, which any output could then show; give them with -ProxyCredential.";
        }

        return null;
    }

    public static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address);
    }
}
