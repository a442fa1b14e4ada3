namespace GptTrainer.Models;

/// <summary>What the module will use for the next command in this runspace. Never holds the key itself.</summary>
public sealed class Context
{
    public Uri? BaseUri { get; set; }

    public Uri? ApiRoot { get; set; }

    public bool ApiKeySet { get; set; }

    /// <summary>The key with all but its last four characters hidden.</summary>
    public string? MaskedApiKey { get; set; }

    /// <summary>Connect-GptTrainer, or the environment variable the key was read from.</summary>
    public string? KeySource { get; set; }

    /// <summary>The current chatbot's name, when the module has seen it; no request is made to find it.</summary>
    public string? ChatbotName { get; set; }

    public string? ChatbotUuid { get; set; }

    public string? SessionUuid { get; set; }

    public int MaximumRetryCount { get; set; }

    public TimeSpan MaximumRetryDelay { get; set; }

    public TimeSpan ConnectTimeout { get; set; }

    public TimeSpan IdleTimeout { get; set; }

    public TimeSpan ResponseTimeout { get; set; }

    public long MaximumResponseSizeMB { get; set; }

    public TimeSpan FirstRetryDelay { get; set; }

    /// <summary>The proxy requests to the service go through (never with its credential); null when they go straight there.</summary>
    public Uri? Proxy { get; set; }

    /// <summary>Where the proxy choice comes from: Connect-GptTrainer -Proxy or -NoProxy, or the system's proxy settings.</summary>
    public string? ProxySource { get; set; }

    /// <summary>How a -Proxy that asks is answered: ProxyCredential, DefaultCredentials or None; null without -Proxy.</summary>
    public string? ProxyAuthentication { get; set; }

    /// <summary>Whether Connect-GptTrainer -SkipCertificateCheck turned the check of the server's certificate off.</summary>
    public bool SkipCertificateCheck { get; set; }

    public override string ToString() => BaseUri?.ToString() ?? string.Empty;
}
