using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>Membership is a list of source uuids on the tag, so deleting a source has to prune it here.</summary>
public sealed class TagRecord : Record
{
    public string ChatbotUuid = "";
    public string Name = "";
    public string Color = "";
    public List<string> DataSourceUuids = new();

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["name"] = Name,
        ["color"] = Color,
        ["data_source_uuids"] = new JsonArray(DataSourceUuids.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray()),
        ["created_at"] = CreatedAt,
        ["modified_at"] = ModifiedAt,
    };
}
