namespace GptTrainer.Models;

/// <summary>A model an agent can use, with what one message costs in message credits.</summary>
public sealed class ModelInfo
{
    public string Model { get; set; } = string.Empty;

    /// <summary>Message credits per answered message; null when the service lists no cost.</summary>
    public long? CreditsPerMessage { get; set; }

    /// <summary>False for a model that has a cost but is not in the catalogue of selectable models.</summary>
    public bool Selectable { get; set; }

    public override string ToString() => Model;
}
