using System.Collections.Concurrent;
using GptTrainer.Http;
using GptTrainer.Models;
using GptTrainer.Operations;

namespace GptTrainer.Tests;

/// <summary>What a sync reported, kept for the test to read; confirms every change unless told otherwise.</summary>
internal sealed class SyncHost : IOperationHost
{
    public bool WhatIf { get; init; }

    public ConcurrentQueue<DataSourceSyncResult> Results { get; } = new();

    public ConcurrentQueue<OperationError> Errors { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<string> Confirmed { get; } = new();

    public string? Summary { get; private set; }

    public Task<bool> ConfirmAsync(string target, string action)
    {
        Confirmed.Enqueue($"{action} ({target})");
        return Task.FromResult(!WhatIf);
    }

    public void Output(object item) => Results.Enqueue((DataSourceSyncResult)item);

    public void Warning(string message) => Warnings.Enqueue(message);

    public void Error(OperationError error) => Errors.Enqueue(error);

    public void Information(string message, string tag) => Summary = message;

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Progress(ProgressReport report)
    {
    }

    public void Succeeded(HttpMethod method)
    {
    }

    public DataSourceSyncResult Result(string path, DataSourceSyncAction action)
        => Results.Single(r => r.Path == path && r.Action == action);
}
