namespace GptTrainer.Conversations;

/// <summary>
/// One exported message with what an analyst needs beside it: its session and who the session is about, the
/// question and answer, how the answer ended, what it cited, and what the web app and the end user added
/// (labels, rating, detected frustration, error). Names follow the API's where it has one.
/// </summary>
internal sealed class ConversationRecord
{
    /// <summary>The fields in file order: the keys of a JSON Lines record, the columns of a CSV file.</summary>
    public static readonly string[] Fields =
    {
        "chatbot_uuid", "session_uuid", "session_created_at", "lead_form", "identity",
        "message_uuid", "message_created_at", "question", "answer", "finish_reason", "sources",
        "labels", "rating", "feedback_json", "detected_frustrations", "error_message",
    };

    public string? ChatbotUuid { get; private set; }

    public string SessionUuid { get; private set; } = string.Empty;

    public string? SessionCreatedAt { get; private set; }

    /// <summary>meta.user: the lead-form answers, as the service gave them.</summary>
    public object? LeadForm { get; private set; }

    /// <summary>meta.auth_data: the verified identity, as the service gave it.</summary>
    public object? Identity { get; private set; }

    public string MessageUuid { get; private set; } = string.Empty;

    public string? MessageCreatedAt { get; private set; }

    public string Question { get; private set; } = string.Empty;

    public string Answer { get; private set; } = string.Empty;

    public string? FinishReason { get; private set; }

    /// <summary>The titles of the sources the answer cites, each once, in the order first cited.</summary>
    public string[] Sources { get; private set; } = Array.Empty<string>();

    public string[] Labels { get; private set; } = Array.Empty<string>();

    /// <summary>"up", "down" or null, read from <see cref="FeedbackJson"/> (see <see cref="Rating"/>).</summary>
    public string? Rating { get; private set; }

    /// <summary>feedback_json exactly as the service returned it.</summary>
    public string? FeedbackJson { get; private set; }

    public string? DetectedFrustrations { get; private set; }

    public string? ErrorMessage { get; private set; }

    public static ConversationRecord From(Session session, Message message, string? chatbotUuid) => new()
    {
        ChatbotUuid = chatbotUuid,
        SessionUuid = session.SessionUuid,
        SessionCreatedAt = Utc(session.CreatedAt),
        LeadForm = SessionPeople.LeadForm(session),
        Identity = SessionPeople.Identity(session),
        MessageUuid = message.MessageUuid,
        MessageCreatedAt = Utc(message.CreatedAt),
        Question = message.Query,
        Answer = message.Response,
        FinishReason = message.FinishReason,

        // A citation without a title is still named, by its file or its source, rather than dropped.
        Sources = message.Citations.Select(c => FirstText(c.Title, c.FileName, c.DataSourceUuid)).Where(t => t is not null).Cast<string>().Distinct(StringComparer.Ordinal).ToArray(),
        Labels = message.Labels.Select(LabelName).ToArray(),
        Rating = Conversations.Rating.Of(message.Feedback),
        FeedbackJson = message.FeedbackJson,
        DetectedFrustrations = message.DetectedFrustrations,
        ErrorMessage = message.ErrorMessage,
    };

    /// <summary>The record as one line of JSON Lines: every field, values as JSON (objects and arrays kept whole).</summary>
    public string ToJsonLine()
    {
        object?[] values = { ChatbotUuid, SessionUuid, SessionCreatedAt, LeadForm, Identity, MessageUuid, MessageCreatedAt, Question, Answer, FinishReason, Sources, Labels, Rating, FeedbackJson, DetectedFrustrations, ErrorMessage };
        var json = new JsonObject();
        for (int i = 0; i < Fields.Length; i++)
        {
            json[Fields[i]] = values[i];
        }

        return JsonWriter.Serialize(json) + "\n";
    }

    /// <summary>
    /// The record as one CSV line: objects as their JSON text, lists joined by "; ", so that every column stays
    /// the same from file to file (an archive appended to night after night keeps its header).
    /// </summary>
    public string ToCsvLine() => CsvText.Line(new[]
    {
        ChatbotUuid, SessionUuid, SessionCreatedAt, JsonText(LeadForm), JsonText(Identity), MessageUuid, MessageCreatedAt, Question, Answer, FinishReason,
        string.Join("; ", Sources), string.Join("; ", Labels), Rating, FeedbackJson, DetectedFrustrations, ErrorMessage,
    });

    /// <summary>Times as UTC ISO 8601, as the service writes them, whatever the time zone of the machine that exports.</summary>
    public static string? Utc(DateTime? time)
        => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string? JsonText(object? value) => value is null ? null : JsonWriter.Serialize(value);

    private static string? FirstText(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c));

    /// <summary>Labels are names; one that comes as an object is known by its name, else written as its JSON.</summary>
    private static string LabelName(object? label) => label switch
    {
        string name => name,
        JsonObject obj when obj.TryGetValue("name", out object? name) && name is string text => text,
        _ => JsonWriter.Serialize(label),
    };
}
