namespace GptTrainer.Completion;

/// <summary>The processing statuses the documentation and the Python SDK name for data sources.</summary>
public sealed class DataSourceStatusCompleter : FixedValuesCompleter
{
    public DataSourceStatusCompleter()
        : base("success", "await", "queued", "pending", "assigned", "downloading", "extracting", "chunking", "embedding", "running", "error", "error:token", "error:storage", "fail")
    {
    }
}
