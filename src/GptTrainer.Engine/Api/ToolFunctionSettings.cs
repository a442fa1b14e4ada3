namespace GptTrainer.Api;

/// <summary>A tool function's fields as a create or an update sends them; null means "not given".</summary>
internal sealed class ToolFunctionSettings
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>A JSON Schema object: dictionaries, lists and plain values.</summary>
    public IDictionary? Parameters { get; set; }

    /// <summary>Header names and their values, all strings.</summary>
    public IDictionary<string, string>? Headers { get; set; }

    public string? ExternalUrl { get; set; }

    public string? Method { get; set; }

    public bool? Enabled { get; set; }

    public bool? AllowGptTrainerProperties { get; set; }
}
