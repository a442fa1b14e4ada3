namespace GptTrainer.Conversations;

/// <summary>Which conversations an export or a usage report reads; the cmdlet checked every value before any request.</summary>
internal sealed class ConversationOptions
{
    public string ChatbotUuid { get; set; } = string.Empty;

    /// <summary>Only these sessions (piped in, or given by uuid), instead of the chatbot's list.</summary>
    public IReadOnlyList<Session>? Sessions { get; set; }

    /// <summary>The chatbot's sessions created at or after this time.</summary>
    public DateTime? CreatedAfter { get; set; }

    /// <summary>The chatbot's sessions created at or before this time.</summary>
    public DateTime? CreatedBefore { get; set; }

    /// <summary>How many sessions are read at once.</summary>
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The chatbot's sessions, or the ones given.</summary>
    public async Task<List<Session>> SessionsAsync(GptTrainerApi api, CancellationToken cancellationToken)
        => Sessions?.ToList() ?? await api.Sessions.ListAsync(ChatbotUuid, CreatedAfter, CreatedBefore, cancellationToken).ConfigureAwait(false);
}
