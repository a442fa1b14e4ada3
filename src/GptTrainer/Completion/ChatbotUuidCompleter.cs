namespace GptTrainer.Completion;

/// <summary>Offers the account's chatbots, shown by name.</summary>
public sealed class ChatbotUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => CompletionCache.Get("chatbots", async (api, token) =>
            (await api.Chatbots.ListAsync(token).ConfigureAwait(false)).Select(c => new CompletionCandidate(c.ChatbotUuid, c.Name)).ToList());
}
