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
    {
        ErrorTarget = ChatbotUuid ?? (object?)Name;
        (List<string> chatbots, string[]? names) = ChatbotsAndNames(Name);
        string[]? wanted = AgentUuid is null ? null : UuidList(AgentUuid, nameof(AgentUuid));
        foreach (string chatbot in chatbots)
        {
            ErrorTarget = chatbot;
            ReportingErrors(() =>
            {
                var agents = Call((api, token) => api.Agents.ListAsync(chatbot, token));
                if (wanted is not null)
                {
                    foreach (string missing in wanted.Where(w => agents.All(a => a.AgentUuid != w)))
                    {
                        WriteError(new ErrorRecord(new ItemNotFoundException($"Chatbot {chatbot} has no agent {missing}."), "AgentNotFound", ErrorCategory.ObjectNotFound, missing));
                    }

                    agents = agents.Where(a => wanted.Contains(a.AgentUuid)).ToList();
                }

                WriteObject(NameFilter.Apply(this, agents, names, a => a.Name, "agent"), enumerateCollection: true);
            });
        }
    }
}
