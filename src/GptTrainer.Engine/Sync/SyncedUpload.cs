namespace GptTrainer.Sync;

/// <summary>An upload in flight and what came of it; written by one upload task, then read by the run alone.</summary>
internal sealed class SyncedUpload(PlannedUpload planned)
{
    public PlannedUpload Planned { get; } = planned;

    /// <summary>The new version, once uploaded and recognised as this sync's; null when there is none to keep.</summary>
    public DataSource? Source { get; set; }

    public bool AlreadyThere { get; set; }

    public Exception? Error { get; set; }

    /// <summary>Why the new source could not be given its readable title.</summary>
    public Exception? TitleError { get; set; }

    public DataSourceSyncResult? Outcome { get; set; }
}
