namespace GptTrainer.ChatbotCode;

/// <summary>
/// Which chatbot an export came from and in what state (origin.json), so that an import into that chatbot
/// can tell whether it changed since. The state is a digest of each file's content as exported (with the
/// secrets left out), which changes exactly when what the export holds does; and, to name what changed, the
/// latest modified_at of the chatbot and of everything in it, and how many of each kind there are. The
/// chatbot's own modified_at alone would not do: whether the service moves it when its agents, tags or
/// sources change is not documented, a removal leaves no time stamp behind, and stamps of whole seconds miss
/// a change made in the second of the export.
/// </summary>
internal sealed class ExportOrigin
{
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;

    public string ChatbotUuid { get; set; } = string.Empty;

    public string ChatbotName { get; set; } = string.Empty;

    /// <summary>The chatbot's own modified_at, as the API's UTC text.</summary>
    public string? ModifiedAt { get; set; }

    /// <summary>The latest modified_at of the chatbot, its agents, tool functions, tags and sources.</summary>
    public string? LastModifiedAt { get; set; }

    public SortedDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Per content file, the start of the SHA-256 of its text with the secrets left out.</summary>
    public SortedDictionary<string, string> Digests { get; } = new(StringComparer.Ordinal);

    /// <summary>The origin of a live chatbot's state now, in the terms origin.json records.</summary>
    public static ExportOrigin Of(ChatbotDocument live, DateTime? chatbotModifiedAt)
    {
        var origin = new ExportOrigin
        {
            ChatbotUuid = live.ChatbotUuid ?? string.Empty,
            ChatbotName = live.ChatbotName ?? string.Empty,
            ModifiedAt = Stamp(chatbotModifiedAt),
            LastModifiedAt = Stamp(live.All.Select(i => i.ModifiedAt).Concat(new[] { chatbotModifiedAt }).Max()),
        };
        origin.Counts["agents"] = live.Agents.Count;
        origin.Counts["tool_functions"] = live.Functions.Count;
        origin.Counts["source_tags"] = live.Tags.Count;
        origin.Counts["data_sources"] = live.Sources.Count;
        foreach (KeyValuePair<string, string> digest in ExportWriter.Digests(live))
        {
            origin.Digests[digest.Key] = digest.Value;
        }

        return origin;
    }

    /// <summary>UTC, to the second unless the service gave more: the API's own form.</summary>
    public static string? Stamp(DateTime? time)
        => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static DateTime? ParseStamp(string? text)
        => text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value) ? value.UtcDateTime : null;

    public Dictionary<string, object?> ToJson() => new()
    {
        ["format"] = Format,
        ["exported_by"] = "GptTrainer",
        ["chatbot"] = new Dictionary<string, object?> { ["uuid"] = ChatbotUuid, ["name"] = ChatbotName, ["modified_at"] = ModifiedAt },
        ["last_modified_at"] = LastModifiedAt,
        ["counts"] = Counts,
        ["content_digests"] = Digests,
    };
}
