namespace GptTrainer.Sync;

/// <summary>A source a sync may remove, and why; <see cref="For"/> is the upload that replaces it, if any.</summary>
internal sealed class SyncRemoval(string path, DataSource source, string action, string why, SyncedUpload? replacedBy)
{
    public string Path { get; } = path;

    public DataSource Source { get; } = source;

    /// <summary>What -Confirm and -WhatIf show.</summary>
    public string Action { get; } = action;

    /// <summary>The Reason of the Removed result.</summary>
    public string Why { get; } = why;

    public SyncedUpload? For { get; } = replacedBy;
}
