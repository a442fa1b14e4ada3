using System.Collections.Concurrent;
using GptTrainer.Http;
using GptTrainer.Operations;

namespace GptTrainer.Tests;

/// <summary>What engine work reported, of any output type, kept for the test to read; confirms every change unless told otherwise.</summary>
internal sealed class OperationRecorder : IOperationHost
{
    public bool WhatIf { get; init; }

    public ConcurrentQueue<object> Output { get; } = new();

    public ConcurrentQueue<OperationError> Errors { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<string> Confirmed { get; } = new();

    public string? Summary { get; private set; }

    public List<T> Of<T>() => Output.OfType<T>().ToList();

    public Task<bool> ConfirmAsync(string target, string action)
    {
        Confirmed.Enqueue($"{action} ({target})");
        return Task.FromResult(!WhatIf);
    }

    void IOperationHost.Output(object item) => Output.Enqueue(item);

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
}
