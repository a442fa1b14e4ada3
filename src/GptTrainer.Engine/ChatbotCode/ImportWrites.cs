namespace GptTrainer.ChatbotCode;

/// <summary>
/// The requests of an import, one method per kind of step, and what they learn on the way: the uuid in the
/// target of every source the files name (found, created or created anew), and of every agent, so that tags,
/// agents and tool functions are sent the uuids the target knows them by.
/// </summary>
internal sealed class ImportWrites(GptTrainerApi api, string chatbotUuid, ChatbotDocument target)
{
    private readonly Dictionary<string, string> _sourceUuids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _targetReferences = target.Sources.ToDictionary(s => s.Reference, s => s.Uuid!, StringComparer.Ordinal);
    private readonly Dictionary<CodeItem, string> _agentUuids = new(ReferenceEqualityComparer.Instance);

    /// <summary>Q&amp;A pairs replaced by a new pair, to be removed at the end of the run with the other removals.</summary>
    public List<(ImportStep Step, string Uuid)> Replaced { get; } = new();

    /// <summary>Sources the files and the target share, and agents matched, known before any write.</summary>
    public void Learn(DocumentComparison comparison)
    {
        foreach (ItemComparison source in comparison.Sources.Where(s => s.Expected is not null && s.Actual is not null))
        {
            _sourceUuids[source.Expected!.Reference] = source.Actual!.Uuid!;
        }

        foreach (ItemComparison agent in comparison.Agents.Where(a => a.Expected is not null && a.Actual is not null))
        {
            _agentUuids[agent.Expected!] = agent.Actual!.Uuid!;
        }
    }

    /// <summary>An uploaded file now in the target (after the sync), by the reference the files use.</summary>
    public void LearnSource(string reference, string uuid) => _sourceUuids[reference] = uuid;

    public async Task CreateSourceAsync(ImportStep step, CancellationToken cancellationToken)
    {
        CodeItem item = step.Item;
        DataSource? created;
        if (item.Kind == "qa")
        {
            created = await api.DataSources.AddQaAsync(chatbotUuid, item.Name, (string)item["answer"]!, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            AddedDataSource added = await api.DataSources.AddUrlAsync(chatbotUuid, item.Name, null, cancellationToken).ConfigureAwait(false);
            created = added.Source;
            if (added.AlreadyExisted)
            {
                step.Reason = "the chatbot already had this page";
            }
        }

        if (created is null)
        {
            throw new Operations.OperationRefusedException("DataSourceNotListed", ErrorKind.InvalidResult, $"The service says chatbot {chatbotUuid} has {DisplayText.Safe(item.Display)} already (409), but its list of sources does not show it.");
        }

        step.Uuid = created.DataSourceUuid;
        _sourceUuids[item.Reference] = created.DataSourceUuid;
        await TitleAsync(step, created, cancellationToken).ConfigureAwait(false);
        if (step.Action == ChatbotImportAction.Change && step.Comparison.Actual?.Uuid is string old)
        {
            Replaced.Add((step, old));
        }
    }

    /// <summary>Sets the title the files give, when the service titled a new source otherwise.</summary>
    public async Task TitleAsync(ImportStep step, DataSource? current, CancellationToken cancellationToken)
    {
        if (step.Item["title"] is string title && (current is null || current.Title != title))
        {
            await api.DataSources.RenameAsync(step.Uuid ?? step.Comparison.Actual!.Uuid!, title, chatbotUuid, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task ChangeSettingsAsync(ImportStep step, CancellationToken cancellationToken)
        => api.Chatbots.UpdateAsync(chatbotUuid, Settings(step.Item, step.Changes.Select(c => c.Property)), cancellationToken);

    public static ChatbotSettings Settings(CodeItem settings, IEnumerable<string> properties)
    {
        var result = new ChatbotSettings();
        foreach (string property in properties)
        {
            switch (property)
            {
                case "visibility": result.Visibility = (string?)settings[property]; break;
                case "rate_limit_message": result.RateLimitMessage = (string?)settings[property]; break;
                case "show_citations": result.ShowCitations = (bool?)settings[property]; break;
                case "rate_limit" when settings[property] is List<object?> limit:
                    result.RateLimitMessages = (int)(long)limit[0]!;
                    result.RateLimitSeconds = (int)(long)limit[1]!;
                    break;
            }
        }

        return result;
    }

    public async Task CreateTagAsync(ImportStep step, CancellationToken cancellationToken)
    {
        // The API requires a colour; a file that leaves it out gets the reference's own example.
        SourceTag created = await api.SourceTags.CreateAsync(chatbotUuid, step.Item.Name, (string?)step.Item["color"] ?? "#088F8F", Members(step), cancellationToken).ConfigureAwait(false);
        step.Uuid = created.SourceTagUuid;
    }

    /// <summary>Sends the changed properties; the members whenever their uuids differ, which a replaced Q&amp;A pair alone can cause.</summary>
    public async Task<bool> ChangeTagAsync(ImportStep step, CancellationToken cancellationToken)
    {
        List<string>? members = MembersIfChanged(step);
        string? color = step.Changes.Any(c => c.Property == "color") ? (string?)step.Item["color"] : null;
        if (members is null && color is null)
        {
            return false;
        }

        await api.SourceTags.UpdateAsync(step.Comparison.Actual!.Uuid!, null, color, members, chatbotUuid, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The service creates agents disabled and takes some fields only in an update: a create, then an update if anything is left.</summary>
    public async Task CreateAgentAsync(ImportStep step, CancellationToken cancellationToken)
    {
        CodeItem item = step.Item;
        var create = AgentChanges(item, new[] { "description", "prompt", "model", "temperature", "bias", "stickness", "default_message", "tags", "use_all_sources" });
        create.Name = item.Name;
        create.Type = item.Kind;
        Agent created = await api.Agents.CreateAsync(chatbotUuid, create, cancellationToken).ConfigureAwait(false);
        step.Uuid = created.AgentUuid;
        _agentUuids[item] = created.AgentUuid;
        AgentSettings rest = AgentChanges(item, new[] { "variables", "human_escalation_settings" });
        rest.Enabled = item["enabled"] is true ? true : null;
        rest.DataSourceUuids = Members(step) is { Count: > 0 } members ? members.ToArray() : null;
        if (rest.Enabled is not null || rest.DataSourceUuids is not null || rest.Variables is { Length: > 0 } || rest.HumanEscalationSettings is not null)
        {
            await api.Agents.UpdateAsync(created.AgentUuid, rest, chatbotUuid, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> ChangeAgentAsync(ImportStep step, CancellationToken cancellationToken)
    {
        AgentSettings changes = AgentChanges(step.Item, step.Changes.Select(c => c.Property).Where(p => p != "data_sources"));
        changes.DataSourceUuids = MembersIfChanged(step)?.ToArray();
        if (!step.Changes.Any(c => c.Property != "data_sources") && changes.DataSourceUuids is null)
        {
            return false;
        }

        await api.Agents.UpdateAsync(step.Comparison.Actual!.Uuid!, changes, chatbotUuid, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether the function's agent is in the target (it may have failed to be created, or not been confirmed).</summary>
    public bool HasAgentFor(ImportStep step) => _agentUuids.ContainsKey(step.Item.Parent!) || step.Comparison.Actual is not null;

    public async Task CreateFunctionAsync(ImportStep step, CancellationToken cancellationToken)
    {
        ToolFunction created = await api.Agents.CreateFunctionAsync(_agentUuids[step.Item.Parent!], Function(step.Item, step.Item.Properties.Keys.Append("name")), cancellationToken).ConfigureAwait(false);
        step.Uuid = created.ToolFunctionUuid;
    }

    public Task ChangeFunctionAsync(ImportStep step, CancellationToken cancellationToken)
    {
        // A header change is reported per header but sent as the whole object, which the API replaces.
        var properties = step.Changes.Select(c => c.Property.StartsWith(SecretHandling.SecretProperty + ".", StringComparison.Ordinal) ? SecretHandling.SecretProperty : c.Property).Distinct();
        return api.Agents.UpdateFunctionAsync(step.Comparison.Actual!.Uuid!, Function(step.Item, properties), step.Comparison.Actual.Parent?.Uuid, cancellationToken);
    }

    public Task RemoveAsync(ImportStep step, CancellationToken cancellationToken)
    {
        string uuid = step.Comparison.Actual!.Uuid!;
        return step.Item.Type switch
        {
            ChatbotItemType.ToolFunction => api.Agents.DeleteFunctionAsync(uuid, cancellationToken),
            ChatbotItemType.Agent => api.Agents.DeleteAsync(uuid, cancellationToken),
            ChatbotItemType.SourceTag => api.SourceTags.DeleteAsync(uuid, cancellationToken),
            _ => api.DataSources.DeleteAsync(uuid, cancellationToken),
        };
    }

    /// <summary>Whether a tag's or agent's members, in uuids, differ from what the files give now that sources may have been replaced.</summary>
    public bool MembersDiffer(ItemComparison item) => MembersIfChanged(new ImportStep(ChatbotImportAction.Change, item)) is not null;

    /// <summary>The references of the step's item that name no source in the target (not copied, or not created).</summary>
    public List<string> Unresolved(ImportStep step)
        => References(step.Item).Where(r => !_sourceUuids.ContainsKey(r)).ToList();

    private List<string> Members(ImportStep step)
        => References(step.Item).Where(_sourceUuids.ContainsKey).Select(r => _sourceUuids[r]).Distinct(StringComparer.Ordinal).ToList();

    private List<string>? MembersIfChanged(ImportStep step)
    {
        if (step.Item["data_sources"] is null)
        {
            return null;
        }

        List<string> wanted = Members(step);
        var now = new HashSet<string>(References(step.Comparison.Actual!).Where(_targetReferences.ContainsKey).Select(r => _targetReferences[r]), StringComparer.Ordinal);
        return now.SetEquals(wanted) ? null : wanted;
    }

    private static IEnumerable<string> References(CodeItem item) => (item["data_sources"] as List<object?> ?? new List<object?>()).Cast<string>();

    private static AgentSettings AgentChanges(CodeItem item, IEnumerable<string> properties)
    {
        var settings = new AgentSettings();
        foreach (string property in properties)
        {
            object? value = item[property];
            switch (property)
            {
                case "name": settings.Name = (string?)value; break;
                case "description": settings.Description = (string?)value; break;
                case "prompt": settings.Prompt = (string?)value; break;
                case "model": settings.Model = (string?)value; break;
                case "default_message": settings.DefaultMessage = (string?)value; break;
                case "enabled": settings.Enabled = (bool?)value; break;
                case "use_all_sources": settings.UseAllSources = (bool?)value; break;
                case "temperature": settings.Temperature = Number(value); break;
                case "bias": settings.Bias = Number(value); break;
                case "stickness": settings.Stickiness = Number(value); break;
                case "tags" when value is List<object?> tags:
                    settings.Tags = tags.Cast<IDictionary<string, object?>>().Select(t => new AgentTag { Name = (string)t["name"]!, Criteria = (string?)t["criteria"], Color = (string?)t["color"] }).ToArray();
                    break;
                case "variables" when value is List<object?> variables:
                    settings.Variables = variables.Cast<IDictionary<string, object?>>().Select(Variable).ToArray();
                    break;
                case "human_escalation_settings" when value is IDictionary<string, object?> escalation:
                    settings.HumanEscalationSettings = new HumanEscalationSettings
                    {
                        HumanRequestedMessage = (string?)escalation["human_requested_message"],
                        LiveChatStartAnnouncement = (string?)escalation["live_chat_start_announcement"],
                        LiveChatEndAnnouncement = (string?)escalation["live_chat_end_announcement"],
                        MonitoredMessages = (escalation["monitored_messages"] as List<object?>)?.Cast<string>().ToArray(),
                        NotificationsEnabled = (bool?)escalation["notifications_enabled"],
                        SoundEnabled = (bool?)escalation["sound_enabled"],
                    };
                    break;
            }
        }

        return settings;
    }

    private static AgentVariable Variable(IDictionary<string, object?> v) => new()
    {
        Name = (string)v["name"]!,
        Description = (string?)v["description"],
        Type = (string?)v["type"] ?? "string",
        Example = (string?)v["example"],
        DefaultValue = (string?)v["default_value"],
        DefaultIsStatic = v["default_is_static"] is true,
    };

    private static ToolFunctionSettings Function(CodeItem item, IEnumerable<string> properties)
    {
        var settings = new ToolFunctionSettings();
        foreach (string property in properties)
        {
            object? value = property == "name" ? item.Name : item[property];
            switch (property)
            {
                case "name": settings.Name = (string?)value; break;
                case "description": settings.Description = (string?)value; break;
                case "external_url": settings.ExternalUrl = (string?)value; break;
                case "method": settings.Method = (string?)value; break;
                case "enabled": settings.Enabled = (bool?)value; break;
                case "allow_gpt_trainer_properties": settings.AllowGptTrainerProperties = (bool?)value; break;
                case "parameters": settings.Parameters = value as IDictionary; break;
                case SecretHandling.SecretProperty when value is IDictionary<string, object?> headers:
                    settings.Headers = headers.ToDictionary(h => h.Key, h => (string)h.Value!, StringComparer.Ordinal);
                    break;
            }
        }

        return settings;
    }

    private static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
