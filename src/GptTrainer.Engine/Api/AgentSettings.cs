namespace GptTrainer.Api;

/// <summary>An agent's fields as a create or an update sends them; null means "not given".</summary>
internal sealed class AgentSettings
{
    public string? Name { get; set; }

    /// <summary>Only a create sends it: the API cannot change an agent's type.</summary>
    public string? Type { get; set; }

    public string? Description { get; set; }

    public string? Prompt { get; set; }

    public string? Model { get; set; }

    public double? Temperature { get; set; }

    public double? Bias { get; set; }

    public double? Stickiness { get; set; }

    public string? DefaultMessage { get; set; }

    public AgentTag[]? Tags { get; set; }

    public bool? UseAllSources { get; set; }

    public bool? Enabled { get; set; }

    public string[]? DataSourceUuids { get; set; }

    public AgentVariable[]? Variables { get; set; }

    public HumanEscalationSettings? HumanEscalationSettings { get; set; }
}
