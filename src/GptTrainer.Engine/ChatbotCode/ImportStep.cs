namespace GptTrainer.ChatbotCode;

/// <summary>
/// One thing an import does to one item of the target: create it, change some of its properties, or remove
/// it. Its results are one <see cref="ChatbotImportResult"/> per changed property, or one for the item.
/// </summary>
internal sealed class ImportStep(ChatbotImportAction action, ItemComparison comparison)
{
    public ChatbotImportAction Action { get; } = action;

    public ItemComparison Comparison { get; } = comparison;

    public CodeItem Item => Comparison.Item;

    /// <summary>For a change: the properties it sets. A step may set fewer than its item's comparison lists.</summary>
    public List<PropertyChange> Changes { get; } = new();

    /// <summary>Decided when planned (the API cannot carry it) or when run.</summary>
    public ChatbotImportOutcome? Outcome { get; set; }

    public string? Reason { get; set; }

    /// <summary>The item's uuid in the target: its own, or the one it was created with.</summary>
    public string? Uuid { get; set; }

    /// <summary>How -WhatIf, -Confirm and messages describe the step; names come from the service, so they are made safe to show.</summary>
    public string Description => Action switch
    {
        ChatbotImportAction.Create => $"Create {Noun} {DisplayText.Safe(Item.Display)}",
        ChatbotImportAction.Remove => $"Remove {Noun} {DisplayText.Safe(Item.Display)}",
        _ => $"Change {string.Join(", ", Changes.Select(c => c.Property))} of {Noun} {DisplayText.Safe(Item.Display)}",
    };

    private string Noun => Item.Type switch
    {
        ChatbotItemType.Chatbot => "the chatbot's",
        ChatbotItemType.ToolFunction => "tool function",
        ChatbotItemType.SourceTag => "source tag",
        ChatbotItemType.DataSource => "data source",
        _ => Item.IsSingleton ? $"{Item.Kind} agent" : "agent",
    };

    public IEnumerable<ChatbotImportResult> Results(string? chatbotUuid)
    {
        ChatbotImportOutcome outcome = Outcome ?? ChatbotImportOutcome.NotDone;
        if (Action != ChatbotImportAction.Change || Changes.Count == 0)
        {
            yield return Result(chatbotUuid, outcome, null);
            yield break;
        }

        foreach (PropertyChange change in Changes)
        {
            yield return Result(chatbotUuid, outcome, change);
        }
    }

    private ChatbotImportResult Result(string? chatbotUuid, ChatbotImportOutcome outcome, PropertyChange? change) => new()
    {
        Outcome = outcome,
        Action = Action,
        ItemType = Item.Type,
        Item = Item.Display,
        Property = change?.Property,
        OldValue = change?.OldForOutput,
        NewValue = change?.NewForOutput,
        Reason = Reason,
        ChatbotUuid = chatbotUuid,
        Uuid = Uuid ?? Comparison.Actual?.Uuid,
    };
}
