namespace GptTrainer.Models;

/// <summary>A tag a background agent applies when a conversation meets its criteria.</summary>
public sealed class AgentTag
{
    public string Name { get; set; } = string.Empty;

    public string? Criteria { get; set; }

    public string? Color { get; set; }

    public override string ToString() => Name;

    internal static AgentTag FromJson(JsonObject o) => new()
    {
        Name = o.GetString("name") ?? string.Empty,
        Criteria = o.GetString("criteria"),
        Color = o.GetString("color"),
    };

    internal Dictionary<string, object?> ToJson() => new()
    {
        ["name"] = Name,
        ["criteria"] = Criteria ?? string.Empty,
        ["color"] = Color ?? string.Empty,
    };
}
