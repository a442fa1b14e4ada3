namespace GptTrainer.ChatbotCode;

/// <summary>
/// What an import has to do, worked out from the comparison of the files with the target before anything is
/// sent, in the order it is done: uploaded files, Q&amp;A pairs and web pages, titles, the chatbot's settings,
/// source tags, agents, their tool functions, and last the removals. Sources come before the tags and agents
/// that name them; removals come last, so that none is made after a failure.
/// </summary>
internal sealed class ImportPlan
{
    private static readonly string[] ContentProperties = { "size", "content_hash" };

    public ImportStep? Settings { get; private set; }

    /// <summary>Uploads from -SourcePath, run by the data-source sync.</summary>
    public List<ImportStep> Files { get; } = new();

    /// <summary>Q&amp;A pairs and web pages to create, and pairs whose answer changed (replaced, since the API cannot change an answer).</summary>
    public List<ImportStep> Sources { get; } = new();

    /// <summary>New titles of sources that stay.</summary>
    public List<ImportStep> Titles { get; } = new();

    public List<ImportStep> Tags { get; } = new();

    public List<ImportStep> Agents { get; } = new();

    public List<ImportStep> Functions { get; } = new();

    /// <summary>Tool functions, agents, tags, then sources; only with -Mode Mirror (or into a new chatbot), and never after a failure.</summary>
    public List<ImportStep> Removals { get; } = new();

    /// <summary>What the API cannot carry: reported, never sent.</summary>
    public List<ImportStep> NotCopied { get; } = new();

    public IEnumerable<ImportStep> All
        => (Settings is null ? Enumerable.Empty<ImportStep>() : new[] { Settings })
            .Concat(Files).Concat(Sources).Concat(Titles).Concat(Tags).Concat(Agents).Concat(Functions).Concat(Removals).Concat(NotCopied);

    /// <summary>Whether the import would send anything at all.</summary>
    public bool HasWrites => All.Any(s => s.Outcome is null);

    public static ImportPlan Create(DocumentComparison comparison, bool mirror, bool hasSourcePath)
    {
        var plan = new ImportPlan();
        if (comparison.Settings.Changes.Count > 0)
        {
            plan.Settings = Change(comparison.Settings, comparison.Settings.Changes);
        }

        foreach (ItemComparison source in comparison.Sources)
        {
            plan.PlanSource(source, mirror, hasSourcePath);
        }

        plan.PlanSimple(comparison.Tags, plan.Tags, mirror);
        foreach (ItemComparison agent in comparison.Agents)
        {
            plan.PlanSimple(new[] { agent }, plan.Agents, mirror);
            if (agent.IsExtra)
            {
                continue;
            }

            // A new agent's functions are all new; an existing agent's are matched within it.
            plan.PlanSimple(agent.Functions, plan.Functions, mirror);
        }

        // Functions go before their agents, and agents before the tags and sources they name.
        List<ImportStep> removals = plan.Removals.OrderBy(RemovalOrder).ToList();
        plan.Removals.Clear();
        plan.Removals.AddRange(removals);
        return plan;
    }

    private void PlanSource(ItemComparison source, bool mirror, bool hasSourcePath)
    {
        CodeItem item = source.Item;
        bool creatable = item.Kind is "qa" or "link";
        bool file = item.Kind == "file";
        if (source.IsExtra)
        {
            // Uploaded files and other sources are never removed: their content cannot be put back.
            if (mirror && creatable)
            {
                Removals.Add(new ImportStep(ChatbotImportAction.Remove, source));
            }

            return;
        }

        if (source.IsMissing)
        {
            if (creatable)
            {
                Sources.Add(new ImportStep(ChatbotImportAction.Create, source));
            }
            else if (file && hasSourcePath)
            {
                Files.Add(new ImportStep(ChatbotImportAction.Create, source) { Reason = $"uploaded from -SourcePath, as {item.Name}" });
            }
            else
            {
                NotCopied.Add(new ImportStep(ChatbotImportAction.Create, source)
                {
                    Outcome = ChatbotImportOutcome.NotCopied,
                    Reason = file ? "the API cannot download an uploaded file: give -SourcePath, a folder holding it as " + item.Name : $"the API cannot create {item.Kind} sources",
                });
            }

            return;
        }

        var content = source.Changes.Where(c => ContentProperties.Contains(c.Property) || (!creatable && !file && c.Property != "title")).ToList();
        var others = source.Changes.Except(content).ToList();
        if (file && content.Count > 0 && hasSourcePath)
        {
            // The new version's title is set once it is in; the old one's would be wasted.
            Files.Add(Change(source, source.Changes, $"a new version is uploaded from -SourcePath, as {item.Name}"));
            return;
        }

        if (content.Count > 0)
        {
            NotCopied.Add(Change(source, content, file ? "its content differs, and the API cannot download a file: give -SourcePath to upload it again" : $"the API cannot change {item.Kind} sources"));
            NotCopied[NotCopied.Count - 1].Outcome = ChatbotImportOutcome.NotCopied;
        }

        if (source.ChangeOf("answer") is not null)
        {
            Sources.Add(Change(source, others, "the API cannot change an answer: a new pair is added, and this one removed at the end of the run"));
        }
        else if (others.Count > 0)
        {
            Titles.Add(Change(source, others));
        }
    }

    private void PlanSimple(IEnumerable<ItemComparison> items, List<ImportStep> into, bool mirror)
    {
        foreach (ItemComparison item in items)
        {
            if (item.IsExtra)
            {
                if (mirror)
                {
                    Removals.Add(new ImportStep(ChatbotImportAction.Remove, item));
                }
            }
            else if (item.IsMissing)
            {
                into.Add(new ImportStep(ChatbotImportAction.Create, item));
            }
            else if (item.Changes.Count > 0)
            {
                into.Add(Change(item, item.Changes));
            }
        }
    }

    private static ImportStep Change(ItemComparison item, IEnumerable<PropertyChange> changes, string? reason = null)
    {
        var step = new ImportStep(ChatbotImportAction.Change, item) { Reason = reason };
        step.Changes.AddRange(changes);
        return step;
    }

    private static int RemovalOrder(ImportStep step) => step.Item.Type switch
    {
        ChatbotItemType.ToolFunction => 0,
        ChatbotItemType.Agent => 1,
        ChatbotItemType.SourceTag => 2,
        _ => 3,
    };
}
