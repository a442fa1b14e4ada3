namespace GptTrainer.ChatbotCode;

/// <summary>
/// A whole chatbot as code: its settings, agents with their tool functions, source tags and data sources, each
/// a <see cref="CodeItem"/>. Read from an export folder or from a live chatbot; the two are compared, and an
/// import makes the live one look like the folder's.
/// </summary>
internal sealed class ChatbotDocument
{
    public CodeItem Settings { get; set; } = new(ChatbotItemType.Chatbot, string.Empty, string.Empty);

    public List<CodeItem> Agents { get; } = new();

    /// <summary>Every agent's tool functions; each knows its agent as <see cref="CodeItem.Parent"/>.</summary>
    public List<CodeItem> Functions { get; } = new();

    public List<CodeItem> Tags { get; } = new();

    public List<CodeItem> Sources { get; } = new();

    /// <summary>Where an export came from; for a live chatbot, its state now in the same terms.</summary>
    public ExportOrigin? Origin { get; set; }

    /// <summary>The chatbot's uuid and name, for a live document.</summary>
    public string? ChatbotUuid { get; set; }

    public string? ChatbotName { get; set; }

    /// <summary>Every item, settings first, in the order an import applies them.</summary>
    public IEnumerable<CodeItem> All => new[] { Settings }.Concat(Sources).Concat(Tags).Concat(Agents).Concat(Functions);

    public IEnumerable<CodeItem> FunctionsOf(CodeItem agent) => Functions.Where(f => ReferenceEquals(f.Parent, agent));

    /// <summary>
    /// Numbers the items of each name in order of creation (then as listed), and sorts every list by name and
    /// number, so that the same chatbot always gives the same order.
    /// </summary>
    public void Normalize()
    {
        foreach (List<CodeItem> items in new[] { Sources, Tags, Agents, Functions })
        {
            foreach (var group in items.GroupBy(i => i.NameGroup).ToList())
            {
                int n = 1;
                foreach (CodeItem item in group.OrderBy(i => i.CreatedAt ?? DateTime.MaxValue))
                {
                    item.Occurrence = n++;
                }
            }
        }

        Sources.Sort(CompareItems);
        Tags.Sort(CompareItems);
        Agents.Sort(CompareItems);
        Functions.Sort(CompareItems);
    }

    private static int CompareItems(CodeItem a, CodeItem b)
    {
        int byParent = string.CompareOrdinal(a.Parent?.Identity, b.Parent?.Identity);
        if (byParent != 0) return byParent;
        int byKind = string.CompareOrdinal(a.Kind, b.Kind);
        if (byKind != 0) return byKind;
        int byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : a.Occurrence.CompareTo(b.Occurrence);
    }
}
