using System.Collections.Concurrent;
using GptTrainer.Operations;

namespace GptTrainer.Commands;

/// <summary>
/// Base of every cmdlet: async work runs with a token that Ctrl+C (StopProcessing) cancels, while the
/// pipeline thread waits for it and is the only thread that ever writes to PowerShell's streams. Every cmdlet
/// is the host of the engine work it runs: what the engine reports or asks arrives here from any thread and
/// is written, or asked, on the pipeline thread.
/// </summary>
public abstract class GptTrainerCmdlet : PSCmdlet, IDisposable, IOperationHost
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly SemaphoreSlim _wake = new(0);
    private bool _disposed;

    private ModuleState? _state;

    /// <summary>This runspace's connection and current chatbot and session.</summary>
    internal ModuleState State => _state ??= ModuleState.Of(SessionState);

    /// <summary>Cancelled the moment PowerShell asks the command to stop.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    protected override void StopProcessing()
    {
        if (!_disposed)
        {
            _stopping.Cancel();
        }
    }

    /// <summary>
    /// Waits for async work on the pipeline thread, writing whatever it posted meanwhile. Work that is
    /// already complete (a read served from a buffer) returns at once, without any thread hand-off.
    /// </summary>
    internal T Await<T>(Task<T> task)
    {
        WaitFor(task);
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    internal void Await(Task task)
    {
        WaitFor(task);
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private void WaitFor(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(
                static (_, wake) => ((SemaphoreSlim)wake!).Release(),
                _wake,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);

            while (true)
            {
                WriteQueued();
                if (task.IsCompleted)
                {
                    break;
                }

                try
                {
                    _wake.Wait(_stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stop at once even if the work is slow to notice its token; it cleans up on its own.
                    task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    throw new PipelineStoppedException();
                }
            }
        }

        WriteQueued();
    }

    /// <summary>Queues a write for the pipeline thread; safe from any thread.</summary>
    private protected void QueueWrite(Action write)
    {
        _posted.Enqueue(write);
        _wake.Release();
    }

    private void WriteQueued()
    {
        while (_posted.TryDequeue(out Action? write))
        {
            write();
        }
    }

    void IApiLog.Verbose(string message) => QueueWrite(() => Verbose(message));

    void IApiLog.Debug(string message) => QueueWrite(() => WriteDebug(message));

    void IApiLog.Progress(ProgressReport report) => QueueWrite(() => WriteProgress(ToProgressRecord(report)));

    /// <summary>A change made through the module may add or remove what tab completion offers.</summary>
    void IApiLog.Succeeded(HttpMethod method)
    {
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            CompletionCache.Clear();
        }
    }

    /// <summary>The engine's progress update as PowerShell shows progress.</summary>
    private protected static ProgressRecord ToProgressRecord(ProgressReport report) => new(report.ActivityId, report.Activity, report.Status)
    {
        PercentComplete = report.PercentComplete,
        RecordType = report.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };

    bool IOperationHost.WhatIf => IsWhatIf();

    Task<bool> IOperationHost.ConfirmAsync(string target, string action)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        QueueWrite(() =>
        {
            try
            {
                answer.SetResult(ShouldProcess(target, action));
            }
            catch (Exception ex)
            {
                // Ctrl+C at the prompt: the work waiting for the answer ends too, and the command stops.
                answer.SetException(ex);
                throw;
            }
        });
        return answer.Task;
    }

    void IOperationHost.Output(object item) => QueueWrite(() => WriteObject(item));

    void IOperationHost.Warning(string message) => QueueWrite(() => Warning(message));

    void IOperationHost.Error(OperationError error) => QueueWrite(() => WriteError(ToErrorRecord(error)));

    /// <summary>Shown like Write-Host (the PSHOST tag), yet on the information stream, so 6> and -InformationAction still govern it.</summary>
    void IOperationHost.Information(string message, string tag)
        => QueueWrite(() => WriteInformation(new HostInformationMessage { Message = DisplayText.SafeLines(message) }, new[] { "PSHOST", tag }));

    /// <summary>
    /// -WhatIf, given or set through $WhatIfPreference. ShouldProcess answers false under both, so every
    /// shortcut past it (-Force, a plan written before any change) must ask this instead of the bound switch.
    /// </summary>
    private protected bool IsWhatIf()
        => MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf)
            ? LanguagePrimitives.IsTrue(whatIf)
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>
    /// ShouldProcess with -Force, the way PowerShell's own cmdlets take it: -Force skips the confirmation
    /// (even at high impact) but never -WhatIf or an explicit -Confirm.
    /// </summary>
    internal bool ShouldProcessUnlessForced(string target, string action)
        => SwitchOn("Force") && !SwitchOn("Confirm") && !IsWhatIf() ? true : ShouldProcess(target, action);

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
    /// PowerShell 7 documents -Debug as "show debug output" without prompting, yet for compiled cmdlets it
    /// still turns verbose writes (unless -Verbose is also given) and warnings (unless -WarningAction is
    /// given) into Inquire prompts, which fail outright in non-interactive runbooks and CI. Under -Debug
    /// alone those messages therefore go to the debug stream, which never prompts.
    /// </summary>
    internal void Verbose(string message)
    {
        if (DebugSwitchWithout("Verbose"))
        {
            WriteDebug(message);
        }
        else
        {
            WriteVerbose(message);
        }
    }

    /// <inheritdoc cref="Verbose"/>
    private protected void Warning(string message)
    {
        if (DebugSwitchWithout("WarningAction"))
        {
            WriteDebug("WARNING: " + message);
        }
        else
        {
            WriteWarning(message);
        }
    }

    // Every message the module shows may name server text or a local file, whose control characters would
    // drive the terminal; they are neutralised here, where every message of every cmdlet passes (these hide
    // the Cmdlet methods), so that no call site can forget. Error messages are made safe where they are built.
    public new void WriteVerbose(string text) => base.WriteVerbose(DisplayText.SafeLines(text));

    /// <inheritdoc cref="WriteVerbose"/>
    public new void WriteDebug(string text) => base.WriteDebug(DisplayText.SafeLines(text));

    /// <inheritdoc cref="WriteVerbose"/>
    public new void WriteWarning(string text) => base.WriteWarning(DisplayText.SafeLines(text));

    /// <summary>A progress bar is one line: its texts are shown with every control character as an escape.</summary>
    public new void WriteProgress(ProgressRecord progressRecord)
    {
        progressRecord.Activity = DisplayText.Safe(progressRecord.Activity);
        progressRecord.StatusDescription = DisplayText.Safe(progressRecord.StatusDescription);
        if (progressRecord.CurrentOperation is not null)
        {
            progressRecord.CurrentOperation = DisplayText.Safe(progressRecord.CurrentOperation);
        }

        base.WriteProgress(progressRecord);
    }

    /// <summary>A confirmation's prompt and -WhatIf's line name files and server text too: shown on one line each.</summary>
    public new bool ShouldProcess(string target, string action) => base.ShouldProcess(DisplayText.Safe(target), DisplayText.Safe(action));

    private bool DebugSwitchWithout(string parameter) => SwitchOn("Debug") && !MyInvocation.BoundParameters.ContainsKey(parameter);

    /// <summary>Whether a switch (-Force, -Confirm, ...) was given and is on; -Force:$false counts as not given.</summary>
    private protected bool SwitchOn(string name)
        => MyInvocation.BoundParameters.TryGetValue(name, out object? value) && LanguagePrimitives.IsTrue(value);

    /// <summary>Makes Should -CiteSource available in this runspace's Pester, for the commands whose output it checks.</summary>
    private protected void OfferShouldOperator() => Assertions.ShouldOperator.Offer(this, Warning);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        // The semaphore is left to the collector: a late continuation may still release it.
        if (disposing)
        {
            _stopping.Dispose();
        }

        _disposed = true;
    }
}
