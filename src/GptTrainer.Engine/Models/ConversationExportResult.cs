namespace GptTrainer.Models;

/// <summary>
/// What one export of a chatbot's conversations did: what it found, what it wrote where, and when. The record
/// a privacy officer keeps of an access request or a retention sweep.
/// </summary>
public sealed class ConversationExportResult
{
    public string? ChatbotUuid { get; set; }

    /// <summary>The file written, as a full path.</summary>
    public string Path { get; set; } = string.Empty;

    public ConversationFormat Format { get; set; }

    /// <summary>The sessions looked at: the chatbot's, within -CreatedAfter and -CreatedBefore, or those piped in.</summary>
    public int SessionsFound { get; set; }

    /// <summary>The sessions with at least one message written.</summary>
    public int SessionsExported { get; set; }

    /// <summary>The messages written, one record each.</summary>
    public long Messages { get; set; }

    /// <summary>The sessions that could not be read; each was reported as an error, and nothing of it was written.</summary>
    public int SessionsFailed { get; set; }

    /// <summary>The sessions whose messages were written, in the order written.</summary>
    public string[] SessionUuids { get; set; } = Array.Empty<string>();

    /// <summary>With -StatePath, the state file read and updated: only messages new since it was last written were exported.</summary>
    public string? StatePath { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public override string ToString() => $"{Messages} messages of {SessionsExported} sessions to {Path}";
}
