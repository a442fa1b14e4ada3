namespace GptTrainer.ChatbotCode;

/// <summary>
/// One thing a chatbot is made of, as an export writes it and an import and a comparison match it: keyed by
/// what a person names it by, never by uuid, with its properties in the form the export's files hold them.
/// The same shape comes from a folder and from a live chatbot, so both sides of every comparison are alike.
/// </summary>
/// <remarks>
/// Names need not be unique (two Q&amp;A pairs with one question, two agents of one name): items of the same
/// name are told apart by <see cref="Occurrence"/>, their order of creation, which an import keeps by creating
/// them in that order.
/// </remarks>
internal sealed class CodeItem(ChatbotItemType type, string kind, string name)
{
    public ChatbotItemType Type { get; } = type;

    /// <summary>An agent's type; a source's kind (qa, link, file, or its type for the rest); empty otherwise.</summary>
    public string Kind { get; } = kind;

    /// <summary>What the item is known by: a name, a question, a URL, a file's path.</summary>
    public string Name { get; } = name;

    /// <summary>1 for the first (or only) item of its name, then 2, 3... in order of creation.</summary>
    public int Occurrence { get; set; } = 1;

    /// <summary>A tool function's agent.</summary>
    public CodeItem? Parent { get; set; }

    /// <summary>Compared and written values, by the property names of the files; null means "not set".</summary>
    public SortedDictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Live items only.</summary>
    public string? Uuid { get; set; }

    /// <summary>Live items only.</summary>
    public DateTime? ModifiedAt { get; set; }

    /// <summary>Live items: when created, which orders items of the same name.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>Data sources only: how agents and tags refer to it ("qa: Do you ship abroad?", "qa#2: ..." for the second).</summary>
    public string Reference => SourceReference.Format(Kind, Name, Occurrence);

    /// <summary>Agents of these types are one per chatbot, so they are matched by type alone and their name is a property.</summary>
    public bool IsSingleton => Type == ChatbotItemType.Agent && Kind is "human-escalation" or "spam-defense";

    /// <summary>What two items must share to be the same item.</summary>
    public string Identity => $"{Type}|{Parent?.Identity}|{Kind}|{(IsSingleton ? string.Empty : Name)}|{(IsSingleton ? 1 : Occurrence)}";

    /// <summary>The identity without the occurrence: the group whose members the occurrence numbers.</summary>
    public string NameGroup => $"{Type}|{Parent?.Identity}|{Kind}|{(IsSingleton ? string.Empty : Name)}";

    /// <summary>How results and differences name the item.</summary>
    public string Display => Type switch
    {
        ChatbotItemType.Chatbot => Name.Length == 0 ? "settings" : Name,
        ChatbotItemType.DataSource => Reference,
        ChatbotItemType.ToolFunction => $"{Parent?.Display} / {Numbered(Name)}",
        ChatbotItemType.Agent when IsSingleton => $"{Name} ({Kind})",
        _ => Numbered(Name),
    };

    public object? this[string property] => Properties.TryGetValue(property, out object? value) ? value : null;

    public override string ToString() => Display;

    private string Numbered(string name) => Occurrence == 1 ? name : $"{name} [{Occurrence}]";
}
