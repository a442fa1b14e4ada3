using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>A tool function belongs to one agent and is held on it, so deleting the agent (or its chatbot) takes it along.</summary>
public sealed class ToolFunctionRecord : Record
{
    public string Name = "";
    public string Description = "";
    public JsonObject Parameters = new();
    public JsonObject Headers = new();
    public string ExternalUrl = "";
    public string Method = "GET";
    public bool Enabled = true;
    public bool AllowGptTrainerProperties;

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["name"] = Name,
        ["description"] = Description,
        ["parameters"] = Parameters.DeepClone(),
        ["headers"] = Headers.DeepClone(),
        ["external_url"] = ExternalUrl,
        ["method"] = Method,
        // 0/1, as the reference shows both switches.
        ["enabled"] = Enabled ? 1 : 0,
        ["meta"] = new JsonObject { ["allow_gpt_trainer_properties"] = AllowGptTrainerProperties ? 1 : 0 },
        ["created_at"] = CreatedAt,
        ["modified_at"] = ModifiedAt,
    };
}
