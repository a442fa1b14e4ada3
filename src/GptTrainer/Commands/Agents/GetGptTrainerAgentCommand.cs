namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's agents, optionally filtered by name or uuid.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerAgent")]
[OutputType(typeof(Agent))]
public sealed class GetGptTrainerAgentCommand : ChatbotScopedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AgentNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>The API cannot fetch one agent on its own, so this filters the chatbot's list.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string[]? AgentUuid { get; set; }

    protected override void ProcessApiRecord()
        => WriteListed(Name, AgentUuid, nameof(AgentUuid), "agent", (api, chatbot, token) => api.Agents.ListAsync(chatbot, token), a => a.Name, a => a.AgentUuid);
}
