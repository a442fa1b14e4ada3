namespace GptTrainer.Completion;

/// <summary>Offers the names of a chatbot's source tags.</summary>
public sealed class SourceTagNameCompleter : NameCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => UuidCompleter.ListUnderChatbot(fakeBoundParameters, "source tags", (api, chatbot, token) => api.SourceTags.ListAsync(chatbot, token), t => new CompletionCandidate(t.Name, $"{t.Name} ({t.DataSourceUuids.Length} sources)"));
}
