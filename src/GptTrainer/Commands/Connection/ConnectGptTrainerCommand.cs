using System.Security;

namespace GptTrainer.Commands;

/// <summary>Remembers the API key and base URI for this runspace. Sends no request.</summary>
[Cmdlet(VerbsCommunications.Connect, "GptTrainer")]
[OutputType(typeof(Context))]
public sealed class ConnectGptTrainerCommand : ApiCmdlet
{
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

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        SecureString key = ApiKey ?? KeyFromEnvironment();
        if (key.Length == 0 || IsBlank(key))
        {
            ThrowTerminatingError(InputError(
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
        }));

        ModuleState state = State;
        bool sameService = state.Connection is not null && state.Connection.ApiRoot == connection.ApiRoot;
        state.Connection = connection;
        if (!sameService)
        {
            // A session of another service (or account) is meaningless here.
            state.ChatbotUuid = null;
            state.SessionUuid = null;
        }

        Verbose($"Connected to {connection.ApiRoot} with the key from {source}.");
        if (PassThru)
        {
            WriteObject(GetGptTrainerContextCommand.Describe(state));
        }
    }

    private SecureString KeyFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(ConnectionResolver.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            ThrowTerminatingError(InputError(
                "NoApiKey",
                $"No API key: pass -ApiKey, or set the {ConnectionResolver.ApiKeyVariable} environment variable.",
                ErrorCategory.InvalidArgument,
                null));
        }

        return ConnectionResolver.ToSecureString(text!.Trim());
    }

    private Uri ThrowBadBaseUri(Uri? uri, string problem)
    {
        ThrowTerminatingError(InputError("InvalidBaseUri", problem, ErrorCategory.InvalidArgument, uri));
        throw new InvalidOperationException("unreachable");
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
