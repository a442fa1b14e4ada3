namespace GptTrainer.Completion;

/// <summary>Offers the names of the account's chatbots.</summary>
public sealed class ChatbotNameCompleter : NameCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => CompletionCache.Get("chatbot names", async (api, token) =>
            (await api.Chatbots.ListAsync(token).ConfigureAwait(false)).Select(c => new CompletionCandidate(c.Name, $"{c.Name} ({c.ChatbotUuid})")).ToList());
}
