namespace GptTrainer.Completion;

/// <summary>Offers the names of a chatbot's agents.</summary>
public sealed class AgentNameCompleter : NameCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => UuidCompleter.ListUnderChatbot(fakeBoundParameters, "agents", (api, chatbot, token) => api.Agents.ListAsync(chatbot, token), a => new CompletionCandidate(a.Name, $"{a.Name} ({a.Type}, {(a.Enabled ? "enabled" : "disabled")})"));
}
