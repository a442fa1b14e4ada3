namespace GptTrainer.Models;

/// <summary>An agent of a chatbot. The API nests model settings under "meta"; here they are plain properties.</summary>
public sealed class Agent
{
    public string AgentUuid { get; set; } = string.Empty;

    /// <summary>Known when the agent was listed or created through its chatbot; the API does not return it.</summary>
    public string? ChatbotUuid { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>user-facing, background, human-escalation, pre-canned or spam-defense.</summary>
    public string? Type { get; set; }

    /// <summary>The API answers 0/1 or true/false depending on the endpoint; both read as a boolean.</summary>
    public bool Enabled { get; set; }

    public string? Description { get; set; }

    public string? Prompt { get; set; }

    public string? Model { get; set; }

    public double? Temperature { get; set; }

    public bool? UseAllSources { get; set; }

    public double? Bias { get; set; }

    /// <summary>The API's "stickness" (sic).</summary>
    public double? Stickiness { get; set; }

    public string? DefaultMessage { get; set; }

    /// <summary>Tags a background agent applies to conversations.</summary>
    public AgentTag[] Tags { get; set; } = Array.Empty<AgentTag>();

    public string[] DataSourceUuids { get; set; } = Array.Empty<string>();

    public AgentVariable[] Variables { get; set; } = Array.Empty<AgentVariable>();

    public HumanEscalationSettings? HumanEscalationSettings { get; set; }

    /// <summary>User-facing and background agents; each knows its agent's uuid.</summary>
    public ToolFunction[] ToolFunctions { get; set; } = Array.Empty<ToolFunction>();

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Name;

    internal static Agent FromJson(object? json, string? chatbotUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "an agent");
        JsonObject meta = o.GetObject("meta") ?? new JsonObject();
        string agentUuid = ModelReader.Uuid(o, "an agent");
        return new Agent
        {
            AgentUuid = agentUuid,
            ChatbotUuid = chatbotUuid,
            Name = o.GetString("name") ?? string.Empty,
            Type = o.GetString("type"),
            Enabled = o.GetBoolean("enabled") ?? false,
            Description = o.GetString("description"),
            Prompt = o.GetString("prompt"),
            Model = meta.GetString("model"),
            Temperature = meta.GetDouble("temperature"),
            UseAllSources = meta.GetBoolean("use_all_sources"),
            Bias = meta.GetDouble("bias"),
            Stickiness = meta.GetDouble("stickness"),
            DefaultMessage = meta.GetString("default_message"),
            Tags = ModelReader.Each(meta.GetArray("tags"), AgentTag.FromJson),
            DataSourceUuids = o.GetStringArray("data_source_uuids"),
            Variables = ModelReader.Each(o.GetArray("variables"), AgentVariable.FromJson),
            HumanEscalationSettings = o.GetObject("human_escalation_settings") is JsonObject settings ? HumanEscalationSettings.FromJson(settings) : null,
            ToolFunctions = ModelReader.Each(o.GetArray("tool_functions"), f => ToolFunction.FromJson(f, agentUuid)),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}
