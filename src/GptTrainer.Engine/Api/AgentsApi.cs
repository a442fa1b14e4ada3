namespace GptTrainer.Api;

/// <summary>
/// Agents. The API has no endpoint that fetches one agent, so lists are per chatbot, and it never names an
/// agent's chatbot in an answer: the caller passes it along when it knows it.
/// </summary>
internal sealed class AgentsApi(ApiClient client)
    : ResourceApi(client)
{
    public Task<List<Agent>> ListAsync(string chatbotUuid, CancellationToken cancellationToken)
        => GetAsync(Endpoint("chatbot/{0}/agents", chatbotUuid), a => a.ReadList("agents", o => Agent.FromJson(o, chatbotUuid)), cancellationToken);

    /// <summary>The service creates agents disabled, whatever the request says.</summary>
    public Task<Agent> CreateAsync(string chatbotUuid, AgentSettings settings, CancellationToken cancellationToken)
        => PostAsync(Endpoint("chatbot/{0}/agent/create", chatbotUuid), Body(settings), a => a.Read(json => Agent.FromJson(json, chatbotUuid)), cancellationToken);

    /// <summary>Sends only what is given; lists (sources, variables, tags) replace the agent's whole list.</summary>
    public Task<Agent> UpdateAsync(string agentUuid, AgentSettings changes, string? chatbotUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("agent/{0}/update", agentUuid), Body(changes), a => a.Read(json => Agent.FromJson(json, chatbotUuid)), cancellationToken);

    /// <summary>The API deletes agents with DELETE.</summary>
    public Task DeleteAsync(string agentUuid, CancellationToken cancellationToken)
        => SendDeleteAsync(Endpoint("agent/{0}/delete", agentUuid), cancellationToken);

    /// <summary>
    /// Undocumented (§9.4 of the API notes): a later revision of the official Python SDK creates, updates and
    /// deletes an agent's tool functions through these routes; the agent lists them in "tool_functions".
    /// </summary>
    public Task<ToolFunction> CreateFunctionAsync(string agentUuid, ToolFunctionSettings settings, CancellationToken cancellationToken)
        => PostAsync(Endpoint("agent/{0}/function/create", agentUuid), FunctionBody(settings), a => a.Read(json => ToolFunction.FromJson(json, agentUuid)), cancellationToken);

    /// <summary>Sends only what is given; headers and parameters, when given, replace the whole object.</summary>
    public Task<ToolFunction> UpdateFunctionAsync(string functionUuid, ToolFunctionSettings changes, string? agentUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("function/{0}/update", functionUuid), FunctionBody(changes), a => a.Read(json => ToolFunction.FromJson(json, agentUuid)), cancellationToken);

    /// <summary>Unlike agents, deleted with POST.</summary>
    public Task DeleteFunctionAsync(string functionUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("function/{0}/delete", functionUuid), null, cancellationToken);

    /// <summary>Flat, with the switches as 0/1 as the SDK sends them, although the answer nests one under "meta".</summary>
    private static Dictionary<string, object?> FunctionBody(ToolFunctionSettings settings)
    {
        var body = new Dictionary<string, object?>();
        if (settings.Name is not null) body["name"] = settings.Name;
        if (settings.Description is not null) body["description"] = settings.Description;
        if (settings.Parameters is not null) body["parameters"] = settings.Parameters;
        if (settings.Headers is not null) body["headers"] = settings.Headers;
        if (settings.ExternalUrl is not null) body["external_url"] = settings.ExternalUrl;
        if (settings.Method is not null) body["method"] = settings.Method;
        if (settings.Enabled is bool enabled) body["enabled"] = enabled ? 1 : 0;
        if (settings.AllowGptTrainerProperties is bool allow) body["allow_gpt_trainer_properties"] = allow ? 1 : 0;
        return body;
    }

    /// <summary>Sent flat, as every example and client does, although answers nest the settings under "meta".</summary>
    private static Dictionary<string, object?> Body(AgentSettings settings)
    {
        var body = new Dictionary<string, object?>();
        if (settings.Name is not null) body["name"] = settings.Name;
        if (settings.Type is not null) body["type"] = settings.Type;
        if (settings.Description is not null) body["description"] = settings.Description;
        if (settings.Prompt is not null) body["prompt"] = settings.Prompt;
        if (settings.Model is not null) body["model"] = settings.Model;
        if (settings.Temperature is double temperature) body["temperature"] = temperature;
        if (settings.Bias is double bias) body["bias"] = bias;
        if (settings.Stickiness is double stickiness) body["stickness"] = stickiness;
        if (settings.DefaultMessage is not null) body["default_message"] = settings.DefaultMessage;
        if (settings.Tags is not null) body["tags"] = settings.Tags.Select(t => t.ToJson()).ToArray();
        if (settings.UseAllSources is bool all) body["use_all_sources"] = all;
        if (settings.Enabled is bool enabled) body["enabled"] = enabled;
        if (settings.DataSourceUuids is not null) body["data_source_uuids"] = settings.DataSourceUuids;
        if (settings.Variables is not null) body["variables"] = settings.Variables.Select(v => v.ToJson()).ToArray();
        if (settings.HumanEscalationSettings is not null) body["human_escalation_settings"] = settings.HumanEscalationSettings.ToJson();
        return body;
    }
}
