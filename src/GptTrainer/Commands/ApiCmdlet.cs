using System.Collections.ObjectModel;

namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that call the API: resolves the connection, applies per-call retry and timeout
/// settings, and turns failures into non-terminating errors so one bad pipeline item does not stop the rest.
/// </summary>
public abstract class ApiCmdlet : GptTrainerCmdlet
{
    private GptTrainerApi? _api;

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
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(problem),
                "NotConnected",
                ErrorCategory.AuthenticationError,
                null));
        }

        return new ApiClient(connection!, ApplyPolicyParameters(connection!.Policy), this);
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
    private protected T Call<T>(Func<GptTrainerApi, CancellationToken, Task<T>> call)
    {
        T answer = Await(call(Api, StopToken));

        // So that -WhatIf and -Confirm can name what the module has seen, without asking again.
        KnownNames.RememberFrom(answer);
        return answer;
    }

    /// <inheritdoc cref="Call{T}"/>
    private protected void Call(Func<GptTrainerApi, CancellationToken, Task> call) => Await(call(Api, StopToken));

    /// <summary>
    /// Writes a streamed reply: each piece the moment it is read, or with <paramref name="raw"/> the whole text
    /// at the end. A reply that fails midway keeps what arrived: the pieces are already written, and the
    /// partial text of a raw reply is written before the error.
    /// </summary>
    private protected void WriteReply(ReplyReader reader, bool raw)
    {
        StringBuilder? whole = raw ? new StringBuilder() : null;
        try
        {
            string? piece;
            while ((piece = Await(reader.ReadPieceAsync())) is not null)
            {
                if (whole is null)
                {
                    WriteObject(piece);
                    continue;
                }

                // Pieces written as they come cost no memory; joined, a reply that never ends would.
                whole.Append(piece);
                reader.EnsureJoinedWithin(static received => $"the {received} bytes that arrived were written as one string before this error, and the rest was not read");
            }
        }
        catch (GptTrainerException) when (whole is { Length: > 0 })
        {
            WriteObject(whole.ToString());
            throw;
        }

        WriteDebug($"Reply complete: {reader.BytesReceived} bytes in {reader.PiecesReceived} pieces.");
        if (whole is not null)
        {
            WriteObject(whole.ToString());
        }
    }

    /// <summary>
    /// Shows a streamed reply as flowing text on the host, wrapped to the window, piece by piece as it
    /// arrives. Whatever arrived before a failure stays on screen.
    /// </summary>
    private protected void ShowReply(ReplyReader reader, FlowingText text)
    {
        try
        {
            string? piece;
            while ((piece = Await(reader.ReadPieceAsync())) is not null)
            {
                text.Write(piece);
            }
        }
        finally
        {
            text.Finish();
        }
    }

    /// <summary>A whole text shown as a reply is, wrapped to the window, ending its line.</summary>
    private protected void ShowText(string text)
    {
        FlowingText flowing = HostText();
        flowing.Write(text);
        flowing.Finish();
        Host.UI.WriteLine();
    }

    /// <summary>Flowing text written to the host, wrapped to its window (not wrapped where the host has no window).</summary>
    private protected FlowingText HostText()
    {
        int width;
        try
        {
            width = Host.UI.RawUI?.WindowSize.Width ?? 0;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            width = 0;
        }

        // One column short: writing into the last column makes some terminals wrap before the newline does.
        return new FlowingText(piece => Host.UI.Write(piece), width > 1 ? width - 1 : 0);
    }

    protected sealed override void ProcessRecord() => ReportingErrors(ProcessApiRecord);

    /// <summary>Runs a step, writing input and service failures as non-terminating errors about <see cref="ErrorTarget"/>.</summary>
    private protected void ReportingErrors(Action step)
    {
        try
        {
            step();
        }
        catch (InputException ex)
        {
            WriteError(ex.ErrorRecord);
        }
        catch (GptTrainerException ex)
        {
            WriteError(ToErrorRecord(ex, ErrorTarget));
        }
    }

    protected abstract void ProcessApiRecord();

    /// <summary>The value an error in the current record is about (a uuid, a query).</summary>
    private protected object? ErrorTarget { get; set; }

    /// <summary>A uuid parameter in the API's form, or an InvalidArgument error naming the parameter.</summary>
    private protected string Uuid(string? value, string parameterName)
    {
        string? normalized = InputRules.NormalizeUuid(value);
        if (normalized is null)
        {
            throw new InputException(InputError(
                "InvalidUuid",
                $"-{parameterName} '{value}' is not a GPT-trainer uuid: expected 32 hex digits (a dashed GUID is also accepted).",
                ErrorCategory.InvalidArgument,
                value));
        }

        return normalized;
    }

    /// <summary>
    /// A value the user passes as (part of) a request body, written as JSON before any request: a value containing
    /// itself, nested too deep, or of a type JSON has no form for is an InvalidArgument error naming the parameter.
    /// </summary>
    /// <returns>The JSON text, for callers that can send it as written.</returns>
    private protected string CheckWritableAsJson(object? value, string parameterName)
    {
        try
        {
            return JsonWriter.Serialize(PowerShellValues.ToPlain(value));
        }
        catch (JsonWriteException ex)
        {
            throw new InputException(InputError(
                "BodyNotWritable",
                $"-{parameterName} cannot be sent as JSON: {ex.Problem} (at {ex.Path.Replace("$value", "-" + parameterName)}).",
                ErrorCategory.InvalidArgument,
                value));
        }
    }

    /// <summary>The strings in a piped object (a string, or an array of them); nothing for any other object.</summary>
    private protected static IEnumerable<string> PipedStrings(object? input)
    {
        object? value = PowerShellValues.Unwrap(input);
        if (value is string text)
        {
            return new[] { text };
        }

        return value is IEnumerable items and not IDictionary
            ? items.Cast<object?>().Select(PowerShellValues.Unwrap).OfType<string>()
            : Enumerable.Empty<string>();
    }

    /// <summary>Each value of a uuid-list parameter in the API's form.</summary>
    private protected string[] UuidList(string[] values, string parameterName)
        => Array.ConvertAll(values, value => Uuid(value, parameterName));

    /// <summary>The given uuid, else the current one from module state, else an error saying how to set one.</summary>
    private protected string UuidOrCurrent(string? value, string parameterName, string? current, string howToSet)
    {
        if (!string.IsNullOrEmpty(value))
        {
            return Uuid(value, parameterName);
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
    private protected void ForEachUuid(IEnumerable<string?>? values, string parameterName, Action<string> step)
    {
        foreach (string? value in values ?? Array.Empty<string?>())
        {
            ErrorTarget = value;
            ReportingErrors(() => step(Uuid(value, parameterName)));
        }
    }

    /// <summary>
    /// ShouldProcess with -Force, the way PowerShell's own cmdlets take it: -Force skips the confirmation
    /// (even at high impact) but never -WhatIf or an explicit -Confirm.
    /// </summary>
    private protected bool ShouldProcessUnlessForced(string target, string action)
        => SwitchOn("Force") && !SwitchOn("Confirm") && !IsWhatIf() ? true : ShouldProcess(target, action);

    /// <summary>
    /// -WhatIf, given or set through $WhatIfPreference. ShouldProcess answers false under both, so every
    /// shortcut past it (-Force, a plan written before any change) must ask this instead of the bound switch.
    /// </summary>
    private protected bool IsWhatIf()
        => MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf)
            ? LanguagePrimitives.IsTrue(whatIf)
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>
    /// Whether ShouldProcess is about to ask the user, worth a request to name the item properly: only then,
    /// so -WhatIf and runbooks that turned confirmation off send nothing extra.
    /// </summary>
    private protected bool WillAskToConfirm(ConfirmImpact impact)
    {
        if (IsWhatIf() || SwitchOn("Force"))
        {
            return false;
        }

        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm))
        {
            return LanguagePrimitives.IsTrue(confirm);
        }

        return SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact preference
            && preference != ConfirmImpact.None
            && impact >= preference;
    }

    /// <summary>
    /// The Set- sequence: a change with nothing in it is refused before any request, then confirmed, sent, and
    /// its result written only with -PassThru.
    /// </summary>
    private protected void SendChange<T>(string target, IReadOnlyCollection<string> changed, string whatToGive, bool passThru, Func<GptTrainerApi, CancellationToken, Task<T>> send)
    {
        if (changed.Count == 0)
        {
            throw new InputException(InputError("NothingToChange", "Give at least one setting to change, such as " + whatToGive + ".", ErrorCategory.InvalidArgument, ErrorTarget));
        }

        if (!ShouldProcess(target, "Change " + string.Join(", ", changed)))
        {
            return;
        }

        T updated = Call(send);
        if (passThru)
        {
            WriteObject(updated);
        }
    }

    /// <summary>
    /// Removal of items the API deletes one request at a time: each is checked, confirmed (named, when the
    /// module knows the name) and removed on its own, and one failing does not stop the others.
    /// </summary>
    private protected void RemoveEach(IEnumerable<string?>? values, string parameterName, string kind, string action, Func<GptTrainerApi, string, CancellationToken, Task> delete, Action<string>? removed = null)
        => ForEachUuid(values, parameterName, uuid =>
        {
            if (ShouldProcessUnlessForced(KnownNames.Describe(kind, uuid), action))
            {
                Call((api, token) => delete(api, uuid, token));
                removed?.Invoke(uuid);
            }
        });

    /// <summary>
    /// The first half of a removal or batch the API takes many uuids at once for: each piped uuid is checked
    /// and confirmed as it arrives, and kept (once) for <see cref="RemoveTogether"/> or a batch call at the end.
    /// </summary>
    private protected void ConfirmEach(IEnumerable<string?>? values, string parameterName, string kind, string action, List<string> confirmed)
        => ForEachUuid(values, parameterName, uuid =>
        {
            if (!confirmed.Contains(uuid) && ShouldProcess(KnownNames.Describe(kind, uuid), action))
            {
                confirmed.Add(uuid);
            }
        });

    /// <summary>Most uuids sent in one bulk request, so that no request grows without bound.</summary>
    internal const int BatchSize = 100;

    /// <summary>The items in order, <see cref="BatchSize"/> at a time, one bulk request's worth each.</summary>
    private protected static IEnumerable<List<T>> InBatches<T>(IReadOnlyList<T> items)
    {
        for (int start = 0; start < items.Count; start += BatchSize)
        {
            yield return items.Skip(start).Take(BatchSize).ToList();
        }
    }

    /// <summary>
    /// Removes the confirmed uuids when the pipeline ends: one through the single endpoint, more in batches
    /// through the bulk endpoint, one request per batch.
    /// </summary>
    private protected void RemoveTogether(
        IReadOnlyList<string> confirmed,
        string itemName,
        Func<GptTrainerApi, string, CancellationToken, Task> deleteOne,
        Func<GptTrainerApi, IReadOnlyList<string>, CancellationToken, Task> deleteMany)
    {
        if (confirmed.Count == 1)
        {
            ErrorTarget = confirmed[0];
            ReportingErrors(() => Call((api, token) => deleteOne(api, confirmed[0], token)));
            return;
        }

        foreach (List<string> batch in InBatches(confirmed))
        {
            ErrorTarget = batch.ToArray();
            ReportingErrors(() =>
            {
                Verbose($"Removing {batch.Count} {itemName}s in one request.");
                Call((api, token) => deleteMany(api, batch, token));
            });
        }
    }

    /// <summary>
    /// File-system paths for -Path (wildcards expand) or -LiteralPath; a path naming no file is an
    /// ObjectNotFound error raised before any request.
    /// </summary>
    private protected List<string> ResolveFiles(string[] paths, bool literal, string parameterName)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            Collection<string> resolved;
            ProviderInfo provider;
            try
            {
                if (literal)
                {
                    resolved = new Collection<string> { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
                }
                else
                {
                    resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
            {
                throw new InputException(new ErrorRecord(ex, "FileNotFound", ErrorCategory.ObjectNotFound, path));
            }

            foreach (string file in resolved)
            {
                if (provider.Name != "FileSystem" || !System.IO.File.Exists(file))
                {
                    throw new InputException(new ErrorRecord(
                        new System.IO.FileNotFoundException($"-{parameterName} '{path}' is not a file.", file),
                        "FileNotFound",
                        ErrorCategory.ObjectNotFound,
                        path));
                }

                files.Add(file);
            }
        }

        return files;
    }
}
