using System.Collections.Concurrent;
using GptTrainer.Http;
using GptTrainer.Operations;

namespace GptTrainer.Tests;

/// <summary>Whatever engine work reported, kept for the test to read; confirms everything.</summary>
internal sealed class RecordingHost : IOperationHost
{
    public bool WhatIf => false;

    public ConcurrentQueue<object> Output { get; } = new();

    public ConcurrentQueue<OperationError> Errors { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<string> Information { get; } = new();

    public ConcurrentQueue<ProgressReport> Progress { get; } = new();

    public Task<bool> ConfirmAsync(string target, string action) => Task.FromResult(true);

    void IOperationHost.Output(object item) => Output.Enqueue(item);

    void IOperationHost.Warning(string message) => Warnings.Enqueue(message);

    void IOperationHost.Error(OperationError error) => Errors.Enqueue(error);

    void IOperationHost.Information(string message, string tag) => Information.Enqueue(message);

    void IApiLog.Verbose(string message)
    {
    }

    void IApiLog.Debug(string message)
    {
    }

    void IApiLog.Progress(ProgressReport report) => Progress.Enqueue(report);

    void IApiLog.Succeeded(HttpMethod method)
    {
    }
}
