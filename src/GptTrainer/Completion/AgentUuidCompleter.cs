namespace GptTrainer.Completion;

/// <summary>Offers a chatbot's agents, shown by name.</summary>
public sealed class AgentUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "agents", (api, chatbot, token) => api.Agents.ListAsync(chatbot, token), a => new CompletionCandidate(a.AgentUuid, a.Name));
}
