namespace GptTrainer.Models;

/// <summary>
/// One step of Import- or Copy-GptTrainerChatbot: an item created, changed or removed, with the property and
/// both values for a change. With -WhatIf the same objects describe the plan (Outcome Planned).
/// </summary>
public sealed class ChatbotImportResult
{
    public ChatbotImportOutcome Outcome { get; set; }

    public ChatbotImportAction Action { get; set; }

    public ChatbotItemType ItemType { get; set; }

    /// <summary>The item, by name, as <see cref="ChatbotDifference.Item"/> names it.</summary>
    public string Item { get; set; } = string.Empty;

    /// <summary>For a change, the property, named as in the export's files.</summary>
    public string? Property { get; set; }

    /// <summary>For a change, the target's value before; a secret's value is masked.</summary>
    public object? OldValue { get; set; }

    /// <summary>For a change, the value the files give; a secret's value is masked.</summary>
    public object? NewValue { get; set; }

    /// <summary>Why a step was not taken, or what else is worth knowing about it.</summary>
    public string? Reason { get; set; }

    /// <summary>The target chatbot; null only for a chatbot -WhatIf did not create.</summary>
    public string? ChatbotUuid { get; set; }

    /// <summary>The item's uuid in the target, once it exists.</summary>
    public string? Uuid { get; set; }

    public override string ToString() => Property is null ? $"{Outcome} {Action} {ItemType} {Item}" : $"{Outcome} {Action} {ItemType} {Item}: {Property}";
}
