using GptTrainer.Operations;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// The host an import gives the data-source sync it runs for uploaded files: everything passes through to the
/// import's own host (confirmations, progress, warnings, errors) except the sync's results and summary, which
/// the import keeps and reports as its own steps.
/// </summary>
internal sealed class SyncResultsHost(IOperationHost host) : IOperationHost
{
    private int _errors;

    public List<DataSourceSyncResult> Results { get; } = new();

    public int Errors => _errors;

    public bool WhatIf => host.WhatIf;

    public Task<bool> ConfirmAsync(string target, string action) => host.ConfirmAsync(target, action);

    public void Output(object item)
    {
        if (item is DataSourceSyncResult result)
        {
            lock (Results)
            {
                Results.Add(result);
            }
        }
    }

    public void Warning(string message) => host.Warning(message);

    public void Error(OperationError error)
    {
        Interlocked.Increment(ref _errors);
        host.Error(error);
    }

    public void Information(string message, string tag) => host.Verbose(message);

    public void Verbose(string message) => host.Verbose(message);

    public void Debug(string message) => host.Debug(message);

    public void Progress(ProgressReport report) => host.Progress(report);

    public void Succeeded(HttpMethod method) => host.Succeeded(method);
}
