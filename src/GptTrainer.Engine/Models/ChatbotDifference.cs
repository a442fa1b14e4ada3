namespace GptTrainer.Models;

/// <summary>
/// One way a chatbot differs from a reference (Compare-GptTrainerChatbot). Items are named as an export names
/// them: agents, tags and tool functions by name, data sources by kind and question, URL or file path.
/// </summary>
public sealed class ChatbotDifference
{
    public ChatbotDifferenceKind What { get; set; }

    public ChatbotItemType ItemType { get; set; }

    /// <summary>The item, by name: "Billing", "Billing / lookup_order" (a tool function), "qa: Do you ship abroad?".</summary>
    public string Item { get; set; } = string.Empty;

    /// <summary>The property that differs, named as in the export's files; null for a missing or extra item.</summary>
    public string? Property { get; set; }

    /// <summary>The reference's value; the value of a secret (a tool function's header) is masked.</summary>
    public object? Expected { get; set; }

    /// <summary>The compared chatbot's value, masked like <see cref="Expected"/>.</summary>
    public object? Actual { get; set; }

    /// <summary>The compared chatbot.</summary>
    public string? ChatbotUuid { get; set; }

    public override string ToString()
        => Property is null ? $"{What} {ItemType} {Item}" : $"{What} {ItemType} {Item}: {Property}";
}
