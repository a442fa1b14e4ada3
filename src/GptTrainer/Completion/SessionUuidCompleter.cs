namespace GptTrainer.Completion;

/// <summary>Offers a chatbot's sessions, shown by when they were opened.</summary>
public sealed class SessionUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(
            fakeBoundParameters,
            "sessions",
            (api, chatbot, token) => api.Sessions.ListAsync(chatbot, null, null, token),
            s => new CompletionCandidate(s.SessionUuid, "session of " + (s.CreatedAt?.ToString("yyyy-MM-dd HH:mm:ss") ?? "unknown time")));
}
