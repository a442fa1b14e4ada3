using GptTrainer.Operations;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// The check before an import writes into the chatbot its files were exported from: if what an export of the
/// chatbot would hold now differs from what it held then (the digests origin.json records), the import would
/// overwrite someone's work, so it refuses unless -Force, naming what changed: the items modified since the
/// export, the kinds of which there are more or fewer, and the files that would differ. A change that an
/// export does not hold (a source processed again) is no reason to refuse.
/// </summary>
internal static class ChangedSince
{
    private const int Named = 10;

    public static void Check(ExportOrigin recorded, ChatbotDocument now, string from)
    {
        SortedDictionary<string, string> digests = ExportWriter.Digests(now);
        List<string> files = recorded.Digests.Where(d => !digests.TryGetValue(d.Key, out string? digest) || digest != d.Value).Select(d => d.Key).ToList();
        if (files.Count == 0 && recorded.Digests.Count > 0)
        {
            return;
        }

        DateTime? then = ExportOrigin.ParseStamp(recorded.LastModifiedAt);
        var changes = new List<string>();
        if (then is DateTime last)
        {
            foreach (CodeItem item in now.All.Where(i => i.ModifiedAt is DateTime at && at.ToUniversalTime() > last))
            {
                changes.Add($"{Describe(item)} (modified {ExportOrigin.Stamp(item.ModifiedAt)})");
            }
        }

        ExportOrigin current = now.Origin!;
        foreach (KeyValuePair<string, long> count in recorded.Counts)
        {
            long n = current.Counts.TryGetValue(count.Key, out long c) ? c : 0;
            if (n != count.Value)
            {
                changes.Add($"{n} {count.Key.Replace('_', ' ')} where the export has {count.Value}");
            }
        }

        // Named by file too: a change in the second of the export shows in no time stamp, only in the content.
        if (files.Count > 0)
        {
            changes.Add($"{string.Join(", ", files)} would no longer be as exported");
        }

        if (changes.Count == 0)
        {
            return;
        }

        string more = changes.Count > Named ? $", and {changes.Count - Named} more" : string.Empty;
        throw new OperationRefusedException(
            "ChangedSinceExport",
            ErrorKind.InvalidOperation,
            $"Chatbot '{DisplayText.Safe(now.ChatbotName)}' ({now.ChatbotUuid}) has changed since {from} was exported from it (as of {recorded.LastModifiedAt ?? "an unknown time"}): "
            + string.Join("; ", changes.Take(Named).Select(DisplayText.Safe)) + more
            + ". Importing would overwrite those changes, so nothing was changed. Export the chatbot again (and carry your edits over), or import with -Force to overwrite them.");
    }

    private static string Describe(CodeItem item) => item.Type switch
    {
        ChatbotItemType.Chatbot => "its settings",
        ChatbotItemType.ToolFunction => "tool function " + item.Display,
        ChatbotItemType.SourceTag => "source tag " + item.Display,
        ChatbotItemType.DataSource => "data source " + item.Display,
        _ => "agent " + item.Display,
    };
}
