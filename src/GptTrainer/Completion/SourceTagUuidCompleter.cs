namespace GptTrainer.Completion;

/// <summary>Offers a chatbot's source tags, shown by name.</summary>
public sealed class SourceTagUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "source tags", (api, chatbot, token) => api.SourceTags.ListAsync(chatbot, token), t => new CompletionCandidate(t.SourceTagUuid, t.Name));
}
