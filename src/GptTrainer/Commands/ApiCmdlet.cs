namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that call the API: resolves the connection, applies per-call retry and timeout
/// settings, and turns failures into non-terminating errors so one bad pipeline item does not stop the rest.
/// </summary>
/// <remarks>
/// Every error is written with WriteError, never thrown as a terminating error: so each obeys -ErrorAction
/// and $ErrorActionPreference as a built-in cmdlet's does (Stop ends the script; SilentlyContinue silences
/// it). An error that leaves nothing to do (not connected, contradicting parameters) ends the command after
/// it is written: no later input is processed.
/// </remarks>
public abstract class ApiCmdlet : GptTrainerCmdlet
{
    private GptTrainerApi? _api;
    private ChangeSequences? _changes;
    private bool _ended;
    private HashSet<string> _givenOnCommandLine = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retries after the first attempt for refusals (429, 503) and, for reads, gateway errors and dropped connections.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaximumRetryCount { get; set; }

    /// <summary>Longest wait before a retry; a Retry-After beyond it is reported instead of waited out.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int MaximumRetryDelaySec { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int ConnectTimeoutSec { get; set; }

    /// <summary>How long the service may stay silent before headers or between pieces of a reply.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int IdleTimeoutSec { get; set; }

    /// <summary>How long a whole JSON answer may take to arrive once it has started.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int ResponseTimeoutSec { get; set; }

    /// <summary>The most of an answer kept in memory (a JSON answer, or a reply joined with -Raw).</summary>
    [Parameter]
    [ValidateRange(1, 2047)]
    public int MaximumResponseSizeMB { get; set; }

    /// <summary>The service's API for this call; stops the command if there is no connection to use.</summary>
    internal GptTrainerApi Api => _api ??= new GptTrainerApi(CreateClient());

    private ApiClient CreateClient()
    {
        ConnectionSettings? connection = ConnectionResolver.Resolve(State.Connection, out string? problem);
        if (connection is null)
        {
            throw new InputException(new ErrorRecord(new InvalidOperationException(problem), "NotConnected", ErrorCategory.AuthenticationError, null)) { EndsCommand = true };
        }

        return new ApiClient(connection, ApplyPolicyParameters(connection.Policy), this);
    }

    /// <summary>The given policy with whatever retry and timeout parameters this call was given.</summary>
    private protected RequestPolicy ApplyPolicyParameters(RequestPolicy policy) => policy with
    {
        MaximumRetryCount = Bound(nameof(MaximumRetryCount)) ? MaximumRetryCount : policy.MaximumRetryCount,
        MaximumRetryDelay = Bound(nameof(MaximumRetryDelaySec)) ? TimeSpan.FromSeconds(MaximumRetryDelaySec) : policy.MaximumRetryDelay,
        ConnectTimeout = Bound(nameof(ConnectTimeoutSec)) ? TimeSpan.FromSeconds(ConnectTimeoutSec) : policy.ConnectTimeout,
        IdleTimeout = Bound(nameof(IdleTimeoutSec)) ? TimeSpan.FromSeconds(IdleTimeoutSec) : policy.IdleTimeout,
        ResponseTimeout = Bound(nameof(ResponseTimeoutSec)) ? TimeSpan.FromSeconds(ResponseTimeoutSec) : policy.ResponseTimeout,
        MaximumResponseSize = Bound(nameof(MaximumResponseSizeMB)) ? MaximumResponseSizeMB * 1024L * 1024 : policy.MaximumResponseSize,
    };

    private protected bool Bound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    /// <summary>Which of the named parameters this call was given, in the order named.</summary>
    private protected List<string> BoundOf(params string[] parameterNames) => parameterNames.Where(Bound).ToList();

    /// <summary>Runs an API call on the pipeline thread's behalf, cancelled by Ctrl+C.</summary>
    internal T Call<T>(Func<GptTrainerApi, CancellationToken, Task<T>> call)
    {
        T answer = Await(call(Api, StopToken));

        // So that -WhatIf and -Confirm can name what the module has seen, without asking again.
        KnownNames.RememberFrom(answer);
        return answer;
    }

    /// <inheritdoc cref="Call{T}"/>
    internal void Call(Func<GptTrainerApi, CancellationToken, Task> call) => Await(call(Api, StopToken));

    /// <summary>
    /// Whether the command needs a connection before anything else: a missing one is reported first, before
    /// checks on input that cannot matter without it. Connect-GptTrainer makes one instead.
    /// </summary>
    private protected virtual bool NeedsConnection => true;

    /// <summary>What fails before the first input (no connection, parameters that cannot work) ends the command.</summary>
    protected sealed override void BeginProcessing() => ReportingErrors(
        () =>
        {
            // Bound now, before any input arrives: what the command line gave. The rest comes per piped item.
            _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            if (NeedsConnection)
            {
                _ = Api;
            }

            BeginApiProcessing();
        },
        failureEndsCommand: true);

    protected sealed override void ProcessRecord()
    {
        if (!_ended)
        {
            ReportingErrors(ProcessApiRecord);
        }
    }

    protected sealed override void EndProcessing()
    {
        if (!_ended)
        {
            ReportingErrors(EndApiProcessing);
        }
    }

    /// <summary>Checks and preparations before the first input; an error here ends the command.</summary>
    private protected virtual void BeginApiProcessing()
    {
    }

    /// <summary>What the command does once all input is in (a batch, a wait, the evaluation).</summary>
    private protected virtual void EndApiProcessing()
    {
    }

    /// <summary>Runs a step, writing input and service failures as non-terminating errors about <see cref="ErrorTarget"/>.</summary>
    internal void ReportingErrors(Action step, bool failureEndsCommand = false)
    {
        try
        {
            step();
        }
        catch (InputException ex)
        {
            // Marked first: with -ErrorAction Stop the write below throws, and the command must not go on.
            _ended |= ex.EndsCommand || failureEndsCommand;
            WriteError(ex.ErrorRecord);
        }
        catch (GptTrainerException ex)
        {
            _ended |= failureEndsCommand;
            WriteError(ToErrorRecord(ex, ErrorTarget));
        }
    }

    protected abstract void ProcessApiRecord();

    /// <summary>The value an error in the current record is about (a uuid, a query).</summary>
    internal object? ErrorTarget { get; set; }

    /// <summary>Whether a parameter was given on the command line, rather than bound from a piped object.</summary>
    private protected bool GivenOnCommandLine(string parameterName) => _givenOnCommandLine.Contains(parameterName);

    /// <summary>
    /// A uuid parameter in the API's form, or null when it was not given. Given on the command line as $null
    /// or '' (the uuid of a chatbot that was not found, say), it is an error, never a fallback to the current
    /// chatbot or session; a piped object whose property is empty (a session that does not name its chatbot)
    /// gives nothing, as a missing property would.
    /// </summary>
    private protected string? GivenUuid(string? value, string parameterName)
        => !string.IsNullOrEmpty(value) || GivenOnCommandLine(parameterName) ? Uuid(value, parameterName) : null;

    /// <summary>
    /// The given uuid, else the current one from module state, else an error saying how to set one. Only a
    /// parameter that was not given falls back: one given as $null or '' (the uuid of a chatbot that was not
    /// found, say) is an error, never the current chatbot or session by accident.
    /// </summary>
    private protected string UuidOrCurrent(string? value, string parameterName, string? current, string howToSet)
    {
        if (GivenUuid(value, parameterName) is string given)
        {
            return given;
        }

        if (current is null)
        {
            throw new InputException(new ErrorRecord(
                new InvalidOperationException($"No -{parameterName} was given and there is no current one: {howToSet}"),
                "No" + parameterName,
                ErrorCategory.InvalidOperation,
                null));
        }

        return current;
    }

    private const string HowToSetChatbot = "pass -ChatbotUuid, pipe in a chatbot from Get-GptTrainerChatbot, or open a session with New-GptTrainerSession.";

    /// <summary>The chatbot a child resource belongs to: the one given, or the current chatbot.</summary>
    private protected string ChatbotOrCurrent(string? value)
        => UuidOrCurrent(value, "ChatbotUuid", State.ChatbotUuid, HowToSetChatbot);

    private const string HowToSetSession = "pass -SessionUuid, pipe in a session, or open one with New-GptTrainerSession.";

    /// <summary>The session a message command works on: the one given, or the current session.</summary>
    private protected string SessionOrCurrent(string? value)
        => UuidOrCurrent(value, "SessionUuid", State.SessionUuid, HowToSetSession);

    /// <summary>Runs a step for each uuid given, each checked on its own, so one bad or failing uuid does not stop the others.</summary>
    internal void ForEachUuid(IEnumerable<string?>? values, string parameterName, Action<string> step)
    {
        foreach (string? value in values ?? Array.Empty<string?>())
        {
            ErrorTarget = value;
            ReportingErrors(() => step(Uuid(value, parameterName)));
        }
    }

    /// <summary>The Set- and Remove- sequences, each confirmed the same way.</summary>
    private protected ChangeSequences Changes => _changes ??= new ChangeSequences(this);

    /// <summary>
    /// File-system paths for -Path (wildcards expand) or -LiteralPath; a path naming no file is an ObjectNotFound
    /// error raised before any request.
    /// </summary>
    private protected List<string> ResolveFiles(string[] paths, bool literal, string parameterName)
        => paths.SelectMany(path => FileSystemPaths.Files(SessionState, path, literal, parameterName)).ToList();
}
