namespace GptTrainer.Models;

/// <summary>What the service said about one source of a bulk retrain or restart request.</summary>
public sealed class DataSourceOperationResult
{
    public string DataSourceUuid { get; set; } = string.Empty;

    public string? Status { get; set; }

    public string? Error { get; set; }

    public bool Succeeded => string.IsNullOrEmpty(Error);

    public override string ToString() => $"{DataSourceUuid}: {Error ?? Status}";

    internal static DataSourceOperationResult FromJson(JsonObject o) => new()
    {
        DataSourceUuid = o.GetString("uuid") ?? string.Empty,
        Status = o.GetString("status"),
        Error = o.GetString("error"),
    };
}
