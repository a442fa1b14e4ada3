using System.Runtime.InteropServices;
using System.Security;

namespace GptTrainer.Http;

/// <summary>Where to send requests and with which key. The key never leaves its SecureString except into the Authorization header.</summary>
internal sealed class ConnectionSettings(Uri baseUri, SecureString apiKey, string keySource, RequestPolicy policy)
{
    public const string DefaultBaseUri = "https://app.gpt-trainer.com";

    public Uri BaseUri { get; } = baseUri;

    /// <summary>The base URI with /api/v1/ appended once, whether or not the caller already wrote it.</summary>
    public Uri ApiRoot { get; } = ApiRootFor(baseUri);

    public SecureString ApiKey { get; } = apiKey;

    /// <summary>Where the key came from, for Get-GptTrainerContext: a parameter or an environment variable.</summary>
    public string KeySource { get; } = keySource;

    public RequestPolicy Policy { get; } = policy;

    /// <summary>The proxy and certificate policy every request of this connection uses.</summary>
    public NetworkOptions Network { get; init; } = NetworkOptions.Default;

    public static Uri ApiRootFor(Uri baseUri)
    {
        var builder = new UriBuilder(baseUri) { Query = string.Empty, Fragment = string.Empty };
        string path = builder.Path.TrimEnd('/');
        if (!path.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            path += "/api/v1";
        }

        builder.Path = path + "/";
        return builder.Uri;
    }

    /// <summary>The Authorization header value; built per request so no plain copy of the key is kept.</summary>
    internal string BearerValue() => "Bearer " + PlainKey();

    /// <summary>What removes this connection's key from server-supplied text; made per request, like the header.</summary>
    internal SecretRedactor CreateRedactor() => new(PlainKey());

    private string PlainKey()
    {
        IntPtr ptr = Marshal.SecureStringToGlobalAllocUnicode(ApiKey);
        try
        {
            return Marshal.PtrToStringUni(ptr);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    /// <summary>Tells connections apart (for caches) without keeping or revealing the key: a truncated SHA-256.</summary>
    internal string Fingerprint
    {
        get
        {
            if (_fingerprint is null)
            {
                using var sha = System.Security.Cryptography.SHA256.Create();
                byte[] hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(ApiRoot + "\n" + BearerValue()));
                _fingerprint = BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty);
            }

            return _fingerprint;
        }
    }

    private string? _fingerprint;

    /// <summary>Enough of the key to tell two keys apart, never enough to use one.</summary>
    internal string MaskedKey()
    {
        int length = ApiKey.Length;
        if (length < 16)
        {
            return new string('*', 8);
        }

        IntPtr ptr = Marshal.SecureStringToGlobalAllocUnicode(ApiKey);
        try
        {
            string tail = Marshal.PtrToStringUni(IntPtr.Add(ptr, (length - 4) * 2), 4);
            return "********" + tail;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }
}
