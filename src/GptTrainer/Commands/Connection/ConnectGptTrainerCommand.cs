using System.Security;

namespace GptTrainer.Commands;

/// <summary>
/// Remembers the API key and base URI for this runspace, after checking the key with one cheap request
/// (unless -SkipCheck), so that a wrong key fails here and not at the next command.
/// </summary>
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

    /// <summary>Connects without the request that checks the key, for runbooks that must not spend one.</summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>This command makes the connection the others need.</summary>
    private protected override bool NeedsConnection => false;

    protected override void ProcessApiRecord()
    {
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
        }));

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

        Verbose($"Connected to {connection.ApiRoot} with the key from {source}.");
        if (PassThru)
        {
            WriteObject(GetGptTrainerContextCommand.Describe(state));
        }
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
            record.ErrorDetails = new ErrorDetails($"Connect-GptTrainer checked the key and it did not work: {ex.Message}")
            {
                RecommendedAction = "Check the key (and -BaseUri), or pass -SkipCheck to connect without checking.",
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
