namespace GptTrainer.Completion;

/// <summary>Offers a chatbot's data sources, shown by title.</summary>
public sealed class DataSourceUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "data sources", (api, chatbot, token) => api.DataSources.ListAsync(chatbot, token), s => new CompletionCandidate(s.DataSourceUuid, s.Title));
}
