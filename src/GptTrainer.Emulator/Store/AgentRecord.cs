using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>Model settings are held in <see cref="Meta"/> because that is where the service answers them, whichever way they were sent.</summary>
public sealed class AgentRecord : Record
{
    public string ChatbotUuid = "";
    public string Name = "";
    public string Description = "";
    public string Prompt = "";
    public string Type = "user-facing";
    public bool Enabled;
    public JsonObject Meta = new();
    public JsonArray DataSourceUuids = new();
    public JsonArray Variables = new();
    public JsonObject? HumanEscalationSettings;
    public List<ToolFunctionRecord> ToolFunctions = new();

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["uuid"] = Uuid,
            ["name"] = Name,
            ["description"] = Description,
            ["prompt"] = Prompt,
            ["type"] = Type,
            // The docs show 0/1 here; clients must read both forms.
            ["enabled"] = Enabled ? 1 : 0,
            ["created_at"] = CreatedAt,
            ["modified_at"] = ModifiedAt,
            ["meta"] = Meta.DeepClone(),
            ["data_source_uuids"] = DataSourceUuids.DeepClone(),
            ["tool_functions"] = new JsonArray(ToolFunctions.Select(f => (JsonNode)f.ToJson()).ToArray()),
            ["variables"] = Variables.DeepClone(),
        };
        if (HumanEscalationSettings is not null)
        {
            json["human_escalation_settings"] = HumanEscalationSettings.DeepClone();
        }

        return json;
    }
}
