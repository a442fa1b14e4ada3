using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using GptTrainer.Http;
using GptTrainer.State;

namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that call the API: resolves the connection, applies per-call retry and timeout
/// settings, and turns failures into non-terminating errors so one bad pipeline item does not stop the rest.
/// </summary>
public abstract class ApiCmdlet : GptTrainerCmdlet
{
    private ApiClient? _client;

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

    internal ModuleState State => ModuleState.Current;

    /// <summary>The client for this call; stops the command if there is no connection to use.</summary>
    internal ApiClient Client => _client ??= CreateClient();

    private ApiClient CreateClient()
    {
        ConnectionSettings? connection = ConnectionResolver.Resolve(State, out string? problem);
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
    private protected RequestPolicy ApplyPolicyParameters(RequestPolicy policy)
        => policy.With(
            Bound(nameof(MaximumRetryCount)) ? MaximumRetryCount : null,
            Bound(nameof(MaximumRetryDelaySec)) ? TimeSpan.FromSeconds(MaximumRetryDelaySec) : null,
            Bound(nameof(ConnectTimeoutSec)) ? TimeSpan.FromSeconds(ConnectTimeoutSec) : null,
            Bound(nameof(IdleTimeoutSec)) ? TimeSpan.FromSeconds(IdleTimeoutSec) : null);

    private protected bool Bound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

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

    /// <summary>GETs a JSON array and yields its objects.</summary>
    private protected IEnumerable<JsonObject> GetList(Uri uri, string what)
        => ModelReader.AsObjects(Await(Client.GetJsonAsync(uri, StopToken)), what);

    /// <summary>POSTs JSON (or nothing) and returns the parsed answer.</summary>
    internal object? Post(Uri uri, object? body = null)
    {
        object? answer = Await(Client.PostJsonAsync(uri, body, StopToken));
        Completion.CompletionCache.Clear();
        return answer;
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
            catch (Exception ex) when (ex is ItemNotFoundException or DriveNotFoundException or ProviderNotFoundException)
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

    /// <summary>Sends a request whose answer is {"success": true}; anything else is a failure worth reporting.</summary>
    private protected void SendExpectingSuccess(HttpMethod method, Uri uri, object? body = null)
    {
        object? answer = Await(Client.SendJsonAsync(ApiRequest.Json(method, uri, body), StopToken));
        Completion.CompletionCache.Clear();
        if (answer is JsonObject json && json.GetBoolean("success") == false)
        {
            throw new GptTrainerApiException(200, "OK", method.Method, uri.AbsolutePath, "the service answered success: false");
        }
    }
}

/// <summary>Carries an input error out of a helper to the record loop, which writes it and moves on.</summary>
internal sealed class InputException : Exception
{
    public InputException(ErrorRecord errorRecord) : base(errorRecord.Exception.Message) => ErrorRecord = errorRecord;

    public ErrorRecord ErrorRecord { get; }
}
