namespace GptTrainer.ChatbotCode;

/// <summary>
/// One item of a reference (the files, or another chatbot) and of a target, matched by name: present on one
/// side only, or on both with the properties whose values differ. An agent carries its tool functions'
/// comparisons, matched within the agent.
/// </summary>
internal sealed class ItemComparison(CodeItem? expected, CodeItem? actual)
{
    public CodeItem? Expected { get; } = expected;

    public CodeItem? Actual { get; } = actual;

    public List<PropertyChange> Changes { get; } = new();

    public List<ItemComparison> Functions { get; } = new();

    public bool IsMissing => Actual is null;

    public bool IsExtra => Expected is null;

    /// <summary>The item as the reference names it, or as the target does when only the target has it.</summary>
    public CodeItem Item => Expected ?? Actual!;

    public PropertyChange? ChangeOf(string property) => Changes.FirstOrDefault(c => c.Property == property);
}
