using GptTrainer.Sync;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// Reads a chatbot through the API (four lists: the chatbot, its agents, tags and sources) into a
/// <see cref="ChatbotDocument"/>: what the service sets (uuids, times, statuses, tokens) is kept aside for
/// matching, never among the properties, and sources are referred to by name.
/// </summary>
internal static class LiveReader
{
    public static async Task<ChatbotDocument> ReadAsync(GptTrainerApi api, string chatbotUuid, SecretHandling secrets, CancellationToken cancellationToken)
    {
        // Four reads at once: a chatbot is read as close to one moment as the API allows.
        Task<Chatbot> chatbot = api.Chatbots.GetAsync(chatbotUuid, cancellationToken);
        Task<List<Agent>> agents = api.Agents.ListAsync(chatbotUuid, cancellationToken);
        Task<List<SourceTag>> tags = api.SourceTags.ListAsync(chatbotUuid, cancellationToken);
        Task<List<DataSource>> sources = api.DataSources.ListAsync(chatbotUuid, cancellationToken);
        await Task.WhenAll(chatbot, agents, tags, sources).ConfigureAwait(false);
        return Build(chatbot.Result, agents.Result, tags.Result, sources.Result, secrets);
    }

    public static ChatbotDocument Build(Chatbot chatbot, IReadOnlyList<Agent> agents, IReadOnlyList<SourceTag> tags, IReadOnlyList<DataSource> sources, SecretHandling secrets)
    {
        var document = new ChatbotDocument { ChatbotUuid = chatbot.ChatbotUuid, ChatbotName = chatbot.Name, Settings = Settings(chatbot) };
        foreach (DataSource source in sources)
        {
            document.Sources.Add(Source(source));
        }

        foreach (SourceTag tag in tags)
        {
            var item = new CodeItem(ChatbotItemType.SourceTag, string.Empty, tag.Name) { Uuid = tag.SourceTagUuid, CreatedAt = tag.CreatedAt, ModifiedAt = tag.ModifiedAt };
            item.Properties["color"] = tag.Color;
            document.Tags.Add(item);
        }

        foreach (Agent agent in agents)
        {
            CodeItem item = AgentItem(agent);
            document.Agents.Add(item);
            foreach (ToolFunction function in agent.ToolFunctions)
            {
                document.Functions.Add(FunctionItem(function, item));
            }
        }

        // References need the sources' numbers, which need the whole list: numbered first, referred to after.
        document.Normalize();
        var references = document.Sources.ToDictionary(s => s.Uuid!, s => s.Reference, StringComparer.Ordinal);
        foreach (CodeItem tag in document.Tags)
        {
            tag.Properties["data_sources"] = ReferencesOf(tags.First(t => t.SourceTagUuid == tag.Uuid).DataSourceUuids, references);
        }

        foreach (CodeItem agent in document.Agents)
        {
            agent.Properties["data_sources"] = ReferencesOf(agents.First(a => a.AgentUuid == agent.Uuid).DataSourceUuids, references);
        }

        secrets.Apply(document);
        document.Origin = ExportOrigin.Of(document, chatbot.ModifiedAt);
        return document;
    }

    /// <summary>What a source's kind is in an export: the reference's "upload" and "file" are one kind, files.</summary>
    public static string KindOf(string? type) => type switch
    {
        "qa" => "qa",
        "link" => "link",
        "upload" or "file" => "file",
        null or "" => "unknown",
        _ => type!,
    };

    private static CodeItem Settings(Chatbot chatbot)
    {
        var item = new CodeItem(ChatbotItemType.Chatbot, string.Empty, string.Empty) { Uuid = chatbot.ChatbotUuid, CreatedAt = chatbot.CreatedAt, ModifiedAt = chatbot.ModifiedAt };
        item.Properties["visibility"] = chatbot.Visibility;
        item.Properties["rate_limit"] = chatbot.RateLimitMessages is int m && chatbot.RateLimitSeconds is int s ? new List<object?> { (long)m, (long)s } : null;
        item.Properties["rate_limit_message"] = chatbot.RateLimitMessage;
        item.Properties["show_citations"] = chatbot.ShowCitations;
        return item;
    }

    private static CodeItem Source(DataSource source)
    {
        string kind = KindOf(source.Type);
        SyncedName? synced = kind == "file" ? SyncedName.Parse(source.FileName) : null;
        string name = kind switch
        {
            "qa" => source.Question ?? string.Empty,
            "file" => synced?.Path ?? source.FileName ?? string.Empty,
            "link" => source.FileName ?? string.Empty,
            _ => source.Title,
        };
        var item = new CodeItem(ChatbotItemType.DataSource, kind, name) { Uuid = source.DataSourceUuid, CreatedAt = source.CreatedAt, ModifiedAt = source.ModifiedAt };
        item.Properties["title"] = source.Title;
        switch (kind)
        {
            case "qa":
                item.Properties["answer"] = source.Answer;
                break;
            case "file":
                item.Properties["size"] = source.FileSize;
                item.Properties["content_hash"] = synced?.ContentId;
                break;
            case "link":
                break;
            default:
                item.Properties["file_name"] = source.FileName;
                break;
        }

        return item;
    }

    private static CodeItem AgentItem(Agent agent)
    {
        var item = new CodeItem(ChatbotItemType.Agent, agent.Type ?? "unknown", agent.Name) { Uuid = agent.AgentUuid, CreatedAt = agent.CreatedAt, ModifiedAt = agent.ModifiedAt };
        var p = item.Properties;
        p["name"] = agent.Name;
        p["description"] = agent.Description;
        p["prompt"] = agent.Prompt;
        p["enabled"] = agent.Enabled;
        p["model"] = agent.Model;
        p["temperature"] = agent.Temperature;
        p["bias"] = agent.Bias;
        p["stickness"] = agent.Stickiness;
        p["default_message"] = agent.DefaultMessage;
        p["use_all_sources"] = agent.UseAllSources;
        p["tags"] = agent.Type == "background" || agent.Tags.Length > 0 ? agent.Tags.Select(t => (object?)Canonical.Of(t.ToJson())).ToList() : null;
        p["variables"] = agent.Variables.Select(Variable).ToList<object?>();
        p["human_escalation_settings"] = agent.HumanEscalationSettings is HumanEscalationSettings settings ? Escalation(settings) : null;
        return item;
    }

    private static CodeItem FunctionItem(ToolFunction function, CodeItem agent)
    {
        var item = new CodeItem(ChatbotItemType.ToolFunction, string.Empty, function.Name) { Parent = agent, Uuid = function.ToolFunctionUuid, CreatedAt = function.CreatedAt, ModifiedAt = function.ModifiedAt };
        var p = item.Properties;
        p["description"] = function.Description;
        p["parameters"] = Canonical.Of(function.Parameters) ?? new SortedDictionary<string, object?>(StringComparer.Ordinal);
        p["headers"] = Canonical.Of(function.Headers) ?? new SortedDictionary<string, object?>(StringComparer.Ordinal);
        p["external_url"] = function.ExternalUrl;
        p["method"] = function.Method;
        p["enabled"] = function.Enabled;
        p["allow_gpt_trainer_properties"] = function.AllowGptTrainerProperties;
        return item;
    }

    private static object? Variable(AgentVariable variable) => new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["name"] = variable.Name,
        ["description"] = variable.Description ?? string.Empty,
        ["type"] = variable.Type,
        ["example"] = variable.Example ?? string.Empty,
        ["default_value"] = variable.DefaultValue ?? string.Empty,
        ["default_is_static"] = variable.DefaultIsStatic,
    };

    private static object Escalation(HumanEscalationSettings settings) => new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["human_requested_message"] = settings.HumanRequestedMessage,
        ["live_chat_start_announcement"] = settings.LiveChatStartAnnouncement,
        ["live_chat_end_announcement"] = settings.LiveChatEndAnnouncement,
        ["monitored_messages"] = settings.MonitoredMessages?.Select(m => (object?)m).ToList(),
        ["notifications_enabled"] = settings.NotificationsEnabled,
        ["sound_enabled"] = settings.SoundEnabled,
    };

    /// <summary>Sorted references; a uuid of no source the chatbot lists (one removed meanwhile) is left out.</summary>
    private static List<object?> ReferencesOf(IEnumerable<string> uuids, Dictionary<string, string> references)
        => uuids.Where(references.ContainsKey).Select(u => references[u]).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).Select(r => (object?)r).ToList();
}
