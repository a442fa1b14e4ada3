namespace GptTrainer.Completion;

/// <summary>The data source types the documentation and the Python SDK name.</summary>
public sealed class DataSourceTypeCompleter : FixedValuesCompleter
{
    public DataSourceTypeCompleter()
        : base(DataSourceStatuses.KnownTypes)
    {
    }
}
