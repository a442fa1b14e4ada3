namespace GptTrainer.Models;

/// <summary>What Sync-GptTrainerDataSource did, or with -WhatIf would do, about one file or source.</summary>
public enum DataSourceSyncAction
{
    /// <summary>A file the chatbot did not have was uploaded.</summary>
    Added,

    /// <summary>A file whose content changed was uploaded, and its previous version removed.</summary>
    Updated,

    /// <summary>A source the sync had made was removed: its file is gone (-Prune), or it was an older version.</summary>
    Removed,

    /// <summary>The chatbot already has this content for this file; nothing was sent.</summary>
    Unchanged,

    /// <summary>Left alone, with the reason: a file the service cannot take, a removal not asked for or not confirmed.</summary>
    Skipped,

    /// <summary>An upload, read, removal or processing that failed; an error record says more.</summary>
    Failed,
}
