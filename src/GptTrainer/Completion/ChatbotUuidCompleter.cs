namespace GptTrainer.Completion;

/// <summary>Offers the account's chatbots, shown by name.</summary>
public sealed class ChatbotUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => CompletionCache.Get("chatbots", (api, token) => api.Chatbots.ListAsync(token), chatbots => chatbots.Select(c => new CompletionCandidate(c.ChatbotUuid, c.Name)));
}
