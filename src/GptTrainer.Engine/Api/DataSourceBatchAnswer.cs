namespace GptTrainer.Api;

/// <summary>The answer to a request about many data sources at once: one result per source, when the service gives them.</summary>
internal sealed class DataSourceBatchAnswer(IReadOnlyList<DataSourceOperationResult>? results, string text)
{
    /// <summary>Null when the answer is not a per-source list (the restart endpoint's shape is undocumented).</summary>
    public IReadOnlyList<DataSourceOperationResult>? Results { get; } = results;

    /// <summary>The answer as it came, for showing when it has no per-source results.</summary>
    public string Text { get; } = text;
}
