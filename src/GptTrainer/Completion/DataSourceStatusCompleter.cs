namespace GptTrainer.Completion;

/// <summary>The processing statuses the documentation and the Python SDK name for data sources.</summary>
public sealed class DataSourceStatusCompleter : FixedValuesCompleter
{
    public DataSourceStatusCompleter()
        : base(DataSourceStatuses.Known)
    {
    }
}
