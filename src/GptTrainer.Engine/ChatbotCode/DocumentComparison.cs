namespace GptTrainer.ChatbotCode;

/// <summary>
/// How a target chatbot differs from a reference, item by item: what Compare-GptTrainerChatbot writes and what
/// an import plans from. Items are matched by their identity (type, kind, name and number); a reference value
/// of null is not checked, since it stands for a setting the service did not report; a header whose value is
/// a placeholder of an unset variable is not checked either, and named in <see cref="UnresolvedSecrets"/>.
/// </summary>
internal sealed class DocumentComparison
{
    private DocumentComparison(ItemComparison settings) => Settings = settings;

    public ItemComparison Settings { get; }

    public List<ItemComparison> Sources { get; } = new();

    public List<ItemComparison> Tags { get; } = new();

    public List<ItemComparison> Agents { get; } = new();

    public List<string> UnresolvedSecrets { get; } = new();

    /// <summary>
    /// Compares <paramref name="actual"/> with <paramref name="expected"/>. <paramref name="reusableAgentUuid"/>
    /// names an agent of the target (a new chatbot's default agent) that stands for the first reference
    /// user-facing agent the target lacks, rather than being extra beside it.
    /// </summary>
    public static DocumentComparison Of(ChatbotDocument expected, ChatbotDocument actual, string? reusableAgentUuid = null)
    {
        var comparison = new DocumentComparison(new ItemComparison(expected.Settings, actual.Settings));
        comparison.CompareProperties(comparison.Settings);
        comparison.Sources.AddRange(comparison.Match(expected.Sources, actual.Sources, null));
        comparison.Tags.AddRange(comparison.Match(expected.Tags, actual.Tags, null));
        foreach (ItemComparison agent in comparison.Match(expected.Agents, actual.Agents, reusableAgentUuid))
        {
            var expectedFunctions = agent.Expected is null ? new List<CodeItem>() : expected.FunctionsOf(agent.Expected).ToList();
            var actualFunctions = agent.Actual is null ? new List<CodeItem>() : actual.FunctionsOf(agent.Actual).ToList();
            agent.Functions.AddRange(comparison.Match(expectedFunctions, actualFunctions, null, withinParent: true));
            comparison.Agents.Add(agent);
        }

        return comparison;
    }

    /// <summary>Every difference, as Compare-GptTrainerChatbot writes them: settings, sources, tags, agents, then tool functions.</summary>
    public IEnumerable<ChatbotDifference> Differences(string? chatbotUuid)
    {
        IEnumerable<ItemComparison> all = new[] { Settings }.Concat(Sources).Concat(Tags).Concat(Agents).Concat(Agents.Where(a => !a.IsMissing && !a.IsExtra).SelectMany(a => a.Functions));
        foreach (ItemComparison item in all)
        {
            if (item.IsMissing || item.IsExtra)
            {
                yield return new ChatbotDifference { What = item.IsMissing ? ChatbotDifferenceKind.Missing : ChatbotDifferenceKind.Extra, ItemType = item.Item.Type, Item = item.Item.Display, ChatbotUuid = chatbotUuid };
                continue;
            }

            foreach (PropertyChange change in item.Changes)
            {
                yield return new ChatbotDifference
                {
                    What = ChatbotDifferenceKind.Changed,
                    ItemType = item.Item.Type,
                    Item = item.Item.Display,
                    Property = change.Property,
                    Expected = change.NewForOutput,
                    Actual = change.OldForOutput,
                    ChatbotUuid = chatbotUuid,
                };
            }
        }
    }

    private List<ItemComparison> Match(List<CodeItem> expected, List<CodeItem> actual, string? reusableUuid, bool withinParent = false)
    {
        string KeyOf(CodeItem item) => withinParent ? $"{item.Name}|{item.Occurrence}" : item.Identity;
        var unmatched = actual.ToList();
        var byKey = new Dictionary<string, CodeItem>(StringComparer.Ordinal);
        foreach (CodeItem item in actual)
        {
            byKey[KeyOf(item)] = item;
        }

        var result = new List<ItemComparison>();
        var lacking = new List<CodeItem>();
        foreach (CodeItem item in expected)
        {
            if (byKey.TryGetValue(KeyOf(item), out CodeItem? match) && unmatched.Remove(match))
            {
                result.Add(new ItemComparison(item, match));
            }
            else
            {
                lacking.Add(item);
            }
        }

        CodeItem? reusable = unmatched.FirstOrDefault(a => reusableUuid is not null && a.Uuid == reusableUuid);
        CodeItem? standIn = reusable is null ? null : lacking.FirstOrDefault(e => e.Kind == reusable.Kind);
        if (reusable is not null && standIn is not null)
        {
            unmatched.Remove(reusable);
            lacking.Remove(standIn);
            result.Add(new ItemComparison(standIn, reusable));
        }

        result.AddRange(lacking.Select(e => new ItemComparison(e, null)));
        result.AddRange(unmatched.Select(a => new ItemComparison(null, a)));
        foreach (ItemComparison pair in result.Where(r => !r.IsMissing && !r.IsExtra))
        {
            CompareProperties(pair);
        }

        return result;
    }

    private void CompareProperties(ItemComparison pair)
    {
        CodeItem expected = pair.Expected!;
        CodeItem actual = pair.Actual!;
        foreach (KeyValuePair<string, object?> property in expected.Properties)
        {
            if (property.Value is null)
            {
                continue;
            }

            object? now = actual[property.Key];
            if (property.Key == SecretHandling.SecretProperty && property.Value is IDictionary<string, object?> wanted)
            {
                CompareSecrets(pair, wanted, now as IDictionary<string, object?> ?? new Dictionary<string, object?>());
            }
            else if (!Canonical.Equals(property.Value, now))
            {
                pair.Changes.Add(new PropertyChange(property.Key, now, property.Value, Secret: false));
            }
        }
    }

    /// <summary>Header by header, so that a difference names the header, with both values masked.</summary>
    private void CompareSecrets(ItemComparison pair, IDictionary<string, object?> wanted, IDictionary<string, object?> now)
    {
        foreach (string header in wanted.Keys.Union(now.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            wanted.TryGetValue(header, out object? expected);
            now.TryGetValue(header, out object? actual);
            if (SecretHandling.IsUnresolved(expected))
            {
                UnresolvedSecrets.Add($"header '{header}' of tool function {pair.Item.Display}");
                continue;
            }

            if (!Canonical.Equals(expected, actual))
            {
                pair.Changes.Add(new PropertyChange($"{SecretHandling.SecretProperty}.{header}", actual, expected, Secret: true));
            }
        }
    }
}
