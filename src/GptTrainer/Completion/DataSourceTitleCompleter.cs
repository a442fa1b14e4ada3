namespace GptTrainer.Completion;

/// <summary>Offers the titles of a chatbot's data sources.</summary>
public sealed class DataSourceTitleCompleter : NameCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => UuidCompleter.ListUnderChatbot(fakeBoundParameters, "data sources", (api, chatbot, token) => api.DataSources.ListAsync(chatbot, token), s => new CompletionCandidate(s.Title, $"{s.Title} ({s.Type}, {s.Status})"));
}
