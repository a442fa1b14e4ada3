using System.Security;

namespace GptTrainer.Commands;

/// <summary>Shows the base URI, a masked key, the proxy, the current chatbot and session, and the retry and timeout settings.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerContext")]
[OutputType(typeof(Context))]
public sealed class GetGptTrainerContextCommand : GptTrainerCmdlet
{
    protected override void EndProcessing()
    {
        WriteObject(Describe(State));
    }

    internal static Context Describe(ModuleState state)
    {
        ConnectionSettings? connection = ConnectionResolver.Resolve(state.Connection, out _);
        RequestPolicy policy = connection?.Policy ?? RequestPolicy.Default;
        Uri? baseUri = connection?.BaseUri ?? ConnectionResolver.BaseUriFromEnvironment(out _);
        Uri? apiRoot = connection?.ApiRoot ?? (baseUri is null ? null : ConnectionSettings.ApiRootFor(baseUri));
        NetworkOptions network = connection?.Network ?? NetworkOptions.Default;
        return new Context
        {
            BaseUri = baseUri,
            ApiRoot = apiRoot,
            ApiKeySet = connection is not null,
            MaskedApiKey = connection?.MaskedKey(),
            KeySource = connection?.KeySource,
            ChatbotName = state.ChatbotUuid is string chatbot ? KnownNames.Of(chatbot) : null,
            ChatbotUuid = state.ChatbotUuid,
            SessionUuid = state.SessionUuid,
            MaximumRetryCount = policy.MaximumRetryCount,
            MaximumRetryDelay = policy.MaximumRetryDelay,
            ConnectTimeout = policy.ConnectTimeout,
            IdleTimeout = policy.IdleTimeout,
            ResponseTimeout = policy.ResponseTimeout,
            MaximumResponseSizeMB = policy.MaximumResponseSize / (1024 * 1024),
            FirstRetryDelay = policy.FirstRetryDelay,
            Proxy = apiRoot is null ? null : network.ProxyFor(apiRoot),
            ProxySource = network.NoProxy ? "Connect-GptTrainer -NoProxy" : network.Proxy is not null ? "Connect-GptTrainer -Proxy" : "System proxy settings",
            ProxyAuthentication = network.Proxy is null ? null
                : network.ProxyUseDefaultCredentials ? "DefaultCredentials"
                : network.ProxyCredential is not null ? "ProxyCredential"
                : "None",
            SkipCertificateCheck = network.SkipCertificateCheck,
        };
    }
}
