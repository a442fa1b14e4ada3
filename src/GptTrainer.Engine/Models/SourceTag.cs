namespace GptTrainer.Models;

/// <summary>A coloured label grouping data sources.</summary>
public sealed class SourceTag
{
    public string SourceTagUuid { get; set; } = string.Empty;

    public string? ChatbotUuid { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Hex colour such as #088F8F.</summary>
    public string? Color { get; set; }

    public string[] DataSourceUuids { get; set; } = Array.Empty<string>();

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Name;

    internal static SourceTag FromJson(object? json, string? chatbotUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "a source tag");
        return new SourceTag
        {
            SourceTagUuid = ModelReader.Uuid(o, "a source tag"),
            ChatbotUuid = chatbotUuid,
            Name = o.GetString("name") ?? string.Empty,
            Color = o.GetString("color"),
            DataSourceUuids = o.GetStringArray("data_source_uuids"),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}
