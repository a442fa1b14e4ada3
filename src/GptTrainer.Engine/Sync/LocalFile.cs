namespace GptTrainer.Sync;

/// <summary>A file found under the synced folder, and what the sync makes of it.</summary>
internal sealed class LocalFile(string relativePath, string fullPath, long length)
{
    /// <summary>Relative to the synced folder, with '/' between folders on every system.</summary>
    public string RelativePath { get; } = relativePath;

    public string FullPath { get; } = fullPath;

    public long Length { get; set; } = length;

    /// <summary>For a link (symbolic link, junction): where it finally leads, or null when nowhere; null for a plain file.</summary>
    public string? LinkTarget { get; set; }

    public bool IsLink { get; set; }

    public string PathId { get; } = SyncedName.PathIdOf(relativePath);

    /// <summary>Within -Recurse and -Include/-Exclude: a file the sync is about. Others only keep their sources from being pruned.</summary>
    public bool Selected { get; set; }

    /// <summary>Why the service cannot take the file; null for a file to sync.</summary>
    public string? SkipReason { get; set; }

    public string? ContentId { get; set; }

    /// <summary>Set when the file could not be read; the run then removes nothing.</summary>
    public Exception? ReadError { get; set; }

    public bool IsSyncable => Selected && SkipReason is null && ReadError is null && ContentId is not null;
}
