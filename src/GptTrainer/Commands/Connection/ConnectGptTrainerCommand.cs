using System.Security;

namespace GptTrainer.Commands;

/// <summary>
/// Remembers the API key and base URI for this runspace, after checking the key with one cheap request
/// (unless -SkipCheck), so that a wrong key fails here and not at the next command.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "GptTrainer", DefaultParameterSetName = ProxySet)]
[OutputType(typeof(Context))]
public sealed class ConnectGptTrainerCommand : ApiCmdlet
{
    // A proxy of one's own and no proxy at all exclude each other; the binder refuses the two together.
    private const string ProxySet = "Proxy";
    private const string NoProxySet = "NoProxy";

    [Parameter(Position = 0)]
    [SecureStringTransformation]
    public SecureString? ApiKey { get; set; }

    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>Allows a plain-http base URI to a host other than this machine (the key then travels unencrypted).</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication { get; set; }

    /// <summary>
    /// The first back-off wait, which doubles per retry. Only worth lowering in tests against the emulator,
    /// so it is set here, explicitly, and nowhere a user could pick it up by accident.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int FirstRetryDelayMs { get; set; }

    /// <summary>Connects without the request that checks the key, for runbooks that must not spend one.</summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The proxy every request of the connection goes through, instead of the system's proxy settings.</summary>
    [Parameter(ParameterSetName = ProxySet)]
    public Uri? Proxy { get; set; }

    /// <summary>Who to tell the -Proxy it is, when it asks (407). Never the API key, which goes only to the service.</summary>
    [Parameter(ParameterSetName = ProxySet)]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Answers the -Proxy's question with the sign-in of the user running PowerShell.</summary>
    [Parameter(ParameterSetName = ProxySet)]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Goes straight to the service, past the system's proxy settings.</summary>
    [Parameter(ParameterSetName = NoProxySet)]
    public SwitchParameter NoProxy { get; set; }

    /// <summary>Accepts any server certificate, for test and white-label hosts of a private certificate authority.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>This command makes the connection the others need.</summary>
    private protected override bool NeedsConnection => false;

    protected override void ProcessApiRecord()
    {
        // Before the key is asked for: a mistyped proxy is reported without a question first.
        NetworkOptions network = NetworkFromParameters();
        SecureString key = ApiKey ?? KeyFromEnvironmentOrUser();
        if (key.Length == 0 || IsBlank(key))
        {
            throw CommandEnding(InputError(
                "EmptyApiKey",
                "-ApiKey is empty. Generate a key in GPT-trainer (Account menu, API Keys) and pass it.",
                ErrorCategory.InvalidArgument,
                null));
        }

        Uri baseUri = BaseUri ?? ConnectionResolver.BaseUriFromEnvironment(out string? environmentProblem) ?? ThrowBadBaseUri(null, environmentProblem!);
        string? problem = InputRules.BaseUriProblem(baseUri, AllowUnencryptedAuthentication);
        if (problem is not null)
        {
            ThrowBadBaseUri(baseUri, problem);
        }

        string source = ApiKey is not null ? "Connect-GptTrainer -ApiKey" : $"{ConnectionResolver.ApiKeyVariable} environment variable";
        var connection = new ConnectionSettings(baseUri, ReadOnlyCopy(key), source, ApplyPolicyParameters(RequestPolicy.Default with
        {
            FirstRetryDelay = Bound(nameof(FirstRetryDelayMs)) ? TimeSpan.FromMilliseconds(FirstRetryDelayMs) : RequestPolicy.Default.FirstRetryDelay,
        }))
        {
            Network = network,
        };

        if (network.SkipCertificateCheck)
        {
            Warning($"-SkipCertificateCheck: the certificate of {baseUri.GetLeftPart(UriPartial.Authority)} is not checked, so whoever can come between this machine and the host could pose as it and read the API key. Use it for a test host only; for a host whose certificate comes from your organisation's own authority, trust that authority on this machine instead.");
        }

        if (!SkipCheck)
        {
            CheckKey(connection);
        }

        ModuleState state = State;
        bool sameService = state.Connection is not null && state.Connection.ApiRoot == connection.ApiRoot;
        state.Connection = connection;
        if (!sameService)
        {
            // A session of another service (or account) is meaningless here.
            state.ChatbotUuid = null;
            state.SessionUuid = null;
        }

        Uri? proxy = network.ProxyFor(connection.ApiRoot);
        Verbose($"Connected to {connection.ApiRoot} with the key from {source}" + (proxy is null ? "." : $", through the proxy {proxy}."));
        if (PassThru)
        {
            WriteObject(GetGptTrainerContextCommand.Describe(state));
        }
    }

    /// <summary>The proxy and certificate parameters as the connection keeps them, or an InvalidArgument error before any request.</summary>
    private NetworkOptions NetworkFromParameters()
    {
        if (Proxy is null && (ProxyCredential is not null || ProxyUseDefaultCredentials))
        {
            string given = ProxyCredential is not null ? "-ProxyCredential" : "-ProxyUseDefaultCredentials";
            throw CommandEnding(InputError(
                "ProxyCredentialWithoutProxy",
                $"{given} is what to tell the proxy given with -Proxy, and no -Proxy was given. Add -Proxy <address of the proxy>; the system's own proxy settings bring their own credentials.",
                ErrorCategory.InvalidArgument,
                null));
        }

        if (ProxyCredential is not null && ProxyUseDefaultCredentials)
        {
            throw CommandEnding(InputError(
                "ConflictingProxyCredentials",
                "-ProxyCredential and -ProxyUseDefaultCredentials each say who to tell the proxy you are: give one.",
                ErrorCategory.InvalidArgument,
                null));
        }

        if (Proxy is not null && InputRules.ProxyProblem(Proxy) is string problem)
        {
            // No target: a proxy address written wrongly may hold a password, and the record would show it.
            throw CommandEnding(InputError("InvalidProxy", problem, ErrorCategory.InvalidArgument, null));
        }

        return new NetworkOptions
        {
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials,
            NoProxy = NoProxy,
            SkipCertificateCheck = SkipCertificateCheck,
        };
    }

    /// <summary>The environment variable's key, else, where someone can type it, the key asked for as a secure string.</summary>
    private SecureString KeyFromEnvironmentOrUser()
    {
        string? text = Environment.GetEnvironmentVariable(ConnectionResolver.ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(text))
        {
            return ConnectionResolver.ToSecureString(text!.Trim());
        }

        string missing = $"No API key: pass -ApiKey, or set the {ConnectionResolver.ApiKeyVariable} environment variable.";
        string? cannotAsk = InteractiveHost.WhyCannotAsk(Host);
        if (cannotAsk is null)
        {
            try
            {
                Host.UI.Write("GPT-trainer API key (Account menu, API Keys): ");
                return Host.UI.ReadLineAsSecureString();
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                cannotAsk = ex.Message;
            }
        }

        throw CommandEnding(InputError("NoApiKey", $"{missing} (It could not be asked for: {cannotAsk}.)", ErrorCategory.InvalidArgument, null));
    }

    /// <summary>
    /// One cheap, documented request with the new key, before it replaces the current connection: a wrong
    /// key or an unreachable base URI is reported now, as Connect-MgGraph does, and the old connection stays.
    /// </summary>
    private void CheckKey(ConnectionSettings connection)
    {
        var api = new GptTrainerApi(new ApiClient(connection, connection.Policy, this));
        try
        {
            int chatbots = Await(api.Chatbots.ListAsync(StopToken)).Count;
            Verbose($"Checked the key: the account has {chatbots} chatbot{(chatbots == 1 ? string.Empty : "s")}.");
        }
        catch (GptTrainerException ex)
        {
            ErrorRecord record = ToErrorRecord(ex, connection.BaseUri);

            // A proxy or a certificate stopped the check before the key reached the service: it says nothing of the key.
            bool beforeTheService = ex is GptTrainerProxyAuthenticationException or GptTrainerCertificateException;
            record.ErrorDetails = new ErrorDetails(beforeTheService
                ? $"Connect-GptTrainer could not check the key: {ex.Message}"
                : $"Connect-GptTrainer checked the key and it did not work: {ex.Message}")
            {
                RecommendedAction = beforeTheService
                    ? "Check the proxy and certificate parameters of Connect-GptTrainer (see the message)."
                    : "Check the key (and -BaseUri), or pass -SkipCheck to connect without checking.",
            };
            throw CommandEnding(record);
        }
    }

    private Uri ThrowBadBaseUri(Uri? uri, string problem)
    {
        throw CommandEnding(InputError("InvalidBaseUri", problem, ErrorCategory.InvalidArgument, uri));
    }

    private static bool IsBlank(SecureString key)
    {
        var copy = new System.Net.NetworkCredential(string.Empty, key);
        return string.IsNullOrWhiteSpace(copy.Password);
    }

    /// <summary>The caller keeps their SecureString; disposing it later must not break this connection.</summary>
    private static SecureString ReadOnlyCopy(SecureString key)
    {
        SecureString copy = key.Copy();
        copy.MakeReadOnly();
        return copy;
    }
}
