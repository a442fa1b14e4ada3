namespace GptTrainer.Sync;

/// <summary>What one Sync-GptTrainerDataSource run is asked to do; the cmdlet checked every value before any request.</summary>
internal sealed class SyncOptions
{
    public string ChatbotUuid { get; set; } = string.Empty;

    /// <summary>How confirmations name the chatbot: "chatbot 'Support' (b29325ca...)", by the name the module has seen.</summary>
    public string ChatbotDescription { get; set; } = string.Empty;

    /// <summary>The folder, as a full file-system path.</summary>
    public string Root { get; set; } = string.Empty;

    public string Collection { get; set; } = string.Empty;

    public PathFilter Filter { get; set; } = new(null, null);

    public bool Recurse { get; set; }

    public bool Prune { get; set; }

    public int MaximumDelete { get; set; } = 20;

    public bool Wait { get; set; }

    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public int ThrottleLimit { get; set; } = 4;

    public bool TitleFromPath { get; set; }

    public long MaximumFileBytes { get; set; } = UploadRules.DefaultMaximumFileSizeMB * 1048576L;
}
