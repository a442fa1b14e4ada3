namespace GptTrainer.Models;

/// <summary>A variable a user-facing agent collects. Hashtables with these keys convert to it.</summary>
public sealed class AgentVariable
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>string, number or boolean.</summary>
    public string Type { get; set; } = "string";

    public string? Example { get; set; }

    public string? DefaultValue { get; set; }

    /// <summary>True when the default is fixed rather than a starting value the agent may change.</summary>
    public bool DefaultIsStatic { get; set; }

    public override string ToString() => Name;

    internal static AgentVariable FromJson(JsonObject o)
    {
        JsonObject defaults = o.GetObject("default_value") ?? new JsonObject();
        return new AgentVariable
        {
            Name = o.GetString("name") ?? string.Empty,
            Description = o.GetString("description"),
            Type = o.GetString("type") ?? "string",
            Example = o.GetString("example"),
            DefaultValue = defaults.GetString("content"),
            DefaultIsStatic = defaults.GetBoolean("static") ?? false,
        };
    }

    internal Dictionary<string, object?> ToJson() => new()
    {
        ["name"] = Name,
        ["description"] = Description ?? string.Empty,
        ["type"] = Type,
        ["example"] = Example ?? string.Empty,
        ["default_value"] = new Dictionary<string, object?> { ["content"] = DefaultValue ?? string.Empty, ["static"] = DefaultIsStatic ? 1 : 0 },
    };
}
