using System;
using System.Management.Automation;
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

    protected sealed override void ProcessRecord()
    {
        try
        {
            ProcessApiRecord();
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
}

/// <summary>Carries an input error out of a helper to the record loop, which writes it and moves on.</summary>
internal sealed class InputException : Exception
{
    public InputException(ErrorRecord errorRecord) : base(errorRecord.Exception.Message) => ErrorRecord = errorRecord;

    public ErrorRecord ErrorRecord { get; }
}
