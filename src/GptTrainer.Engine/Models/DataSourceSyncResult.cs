namespace GptTrainer.Models;

/// <summary>One line of a sync's report: a file of the folder or a source of the chatbot, and what became of it.</summary>
public sealed class DataSourceSyncResult
{
    public DataSourceSyncAction Action { get; set; }

    /// <summary>The file's path relative to the synced folder, with / between folders.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The source that now holds the file (Added, Updated, Unchanged), or the one removed (Removed).</summary>
    public string? DataSourceUuid { get; set; }

    /// <summary>The processing status the service last reported for DataSourceUuid.</summary>
    public string? Status { get; set; }

    /// <summary>Why, in a sentence: what changed, why a file was skipped, what failed.</summary>
    public string? Reason { get; set; }

    public string ChatbotUuid { get; set; } = string.Empty;

    /// <summary>For Updated, the previous version's source, removed after the new one was uploaded.</summary>
    public string? PreviousDataSourceUuid { get; set; }

    /// <summary>The file name the service stores, which carries the sync's marker.</summary>
    public string? FileName { get; set; }

    /// <summary>The source's title, as citations show it to the chatbot's users.</summary>
    public string? Title { get; set; }

    public override string ToString() => $"{Action} {Path}";
}
