using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;

namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that send many uuids at once: each piped uuid is confirmed (ShouldProcess) as it
/// arrives, and the confirmed ones are sent together when the pipeline ends.
/// </summary>
public abstract class ConfirmedBatchCmdlet : ApiCmdlet
{
    /// <summary>The uuids confirmed so far, each once, in the order they arrived.</summary>
    private protected readonly List<string> Confirmed = new();

    /// <summary>The uuids bound for the current pipeline item.</summary>
    private protected abstract string[]? Uuids { get; }

    private protected abstract string ParameterName { get; }

    /// <summary>What one item is called in messages, e.g. "message".</summary>
    private protected abstract string ItemName { get; }

    /// <summary>What ShouldProcess says will be done to each item.</summary>
    private protected abstract string Action { get; }

    protected override void ProcessApiRecord()
    {
        foreach (string value in Uuids ?? Array.Empty<string>())
        {
            ErrorTarget = value;
            string uuid = Uuid(value, ParameterName);
            if (!Confirmed.Contains(uuid) && ShouldProcess($"{ItemName} {uuid}", Action))
            {
                Confirmed.Add(uuid);
            }
        }
    }
}

/// <summary>
/// Removal of items the API can delete in bulk: the confirmed ones are deleted together at the end,
/// in batches, with one request per batch.
/// </summary>
public abstract class BulkRemoveCmdlet : ConfirmedBatchCmdlet
{
    internal const int BatchSize = 100;

    private protected override string Action => "Remove";

    /// <summary>The single-item endpoint, e.g. "message/{0}/delete".</summary>
    private protected abstract string SinglePath { get; }

    /// <summary>The bulk endpoint, e.g. "messages/delete".</summary>
    private protected abstract string BulkPath { get; }

    /// <summary>Runs after a successful delete, e.g. to forget a current item.</summary>
    private protected virtual void Removed(IReadOnlyList<string> uuids) { }

    protected override void EndProcessing()
    {
        if (Confirmed.Count == 1)
        {
            ErrorTarget = Confirmed[0];
            ReportingErrors(() =>
            {
                SendExpectingSuccess(HttpMethod.Post, Client.UriFor(SinglePath, Confirmed[0]));
                Removed(Confirmed);
            });
            return;
        }

        for (int start = 0; start < Confirmed.Count; start += BatchSize)
        {
            List<string> batch = Confirmed.Skip(start).Take(BatchSize).ToList();
            ErrorTarget = batch.ToArray();
            ReportingErrors(() =>
            {
                Verbose($"Removing {batch.Count} {ItemName}s in one request.");
                SendExpectingSuccess(HttpMethod.Post, Client.UriFor(BulkPath), new Dictionary<string, object?> { ["uuids"] = batch });
                Removed(batch);
            });
        }
    }
}

/// <summary>Removal of items the API deletes one request at a time.</summary>
public abstract class RemoveOneCmdlet : ApiCmdlet
{
    private protected abstract string? UuidValue { get; }

    private protected abstract string ParameterName { get; }

    private protected abstract string ItemName { get; }

    private protected virtual string Action => "Remove";

    /// <summary>The API deletes some kinds with DELETE and others with POST.</summary>
    private protected abstract HttpMethod Method { get; }

    private protected abstract string PathFormat { get; }

    private protected virtual void Removed(string uuid) { }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = UuidValue;
        string uuid = Uuid(UuidValue, ParameterName);
        if (ShouldProcess($"{ItemName} {uuid}", Action))
        {
            SendExpectingSuccess(Method, Client.UriFor(PathFormat, uuid));
            Removed(uuid);
        }
    }
}
