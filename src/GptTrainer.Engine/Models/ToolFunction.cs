namespace GptTrainer.Models;

/// <summary>
/// An HTTP call an agent may make while it answers (user-facing and background agents): the model fills in
/// <see cref="Parameters"/> and the service calls <see cref="ExternalUrl"/> with <see cref="Headers"/>.
/// </summary>
public sealed class ToolFunction
{
    public string ToolFunctionUuid { get; set; } = string.Empty;

    /// <summary>Known when the function was listed with its agent or created through it; the API does not return it.</summary>
    public string? AgentUuid { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>What the model reads to decide when to call the function.</summary>
    public string? Description { get; set; }

    /// <summary>The arguments as a JSON Schema object, as dictionaries: $function.Parameters.properties.</summary>
    public object? Parameters { get; set; }

    /// <summary>Sent with every call; often holds a key or token for the external service.</summary>
    public object? Headers { get; set; }

    public string? ExternalUrl { get; set; }

    /// <summary>GET, POST, PUT, DELETE or PATCH.</summary>
    public string? Method { get; set; }

    /// <summary>The API answers 0/1; both forms read as a boolean.</summary>
    public bool Enabled { get; set; }

    /// <summary>meta.allow_gpt_trainer_properties: whether the service adds its own properties to the call.</summary>
    public bool? AllowGptTrainerProperties { get; set; }

    public object? Meta { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Name;

    internal static ToolFunction FromJson(object? json, string? agentUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "a tool function");
        JsonObject? meta = o.GetObject("meta");
        return new ToolFunction
        {
            ToolFunctionUuid = ModelReader.Uuid(o, "a tool function"),
            AgentUuid = agentUuid,
            Name = o.GetString("name") ?? string.Empty,
            Description = o.GetString("description"),
            Parameters = ModelReader.FreeForm(o.GetObject("parameters")),
            Headers = ModelReader.FreeForm(o.GetObject("headers")),
            ExternalUrl = o.GetString("external_url"),
            Method = o.GetString("method"),
            Enabled = o.GetBoolean("enabled") ?? true,
            AllowGptTrainerProperties = meta?.GetBoolean("allow_gpt_trainer_properties"),
            Meta = ModelReader.FreeForm(meta),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}
