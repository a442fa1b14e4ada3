namespace GptTrainer.Completion;

/// <summary>Offers the names of the account's chatbots.</summary>
public sealed class ChatbotNameCompleter : NameCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => CompletionCache.Get("chatbots", (api, token) => api.Chatbots.ListAsync(token), chatbots => chatbots.Select(c => new CompletionCandidate(c.Name, $"{c.Name} ({c.ChatbotUuid})")));
}
