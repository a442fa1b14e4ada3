namespace GptTrainer.Models;

/// <summary>One stored exchange: the question asked and the reply given. The API has no per-role rows.</summary>
public sealed class Message
{
    public string MessageUuid { get; set; } = string.Empty;

    public string? SessionUuid { get; set; }

    public string Query { get; set; } = string.Empty;

    public string Response { get; set; } = string.Empty;

    /// <summary>stop (natural end) or length (token limit).</summary>
    public string? FinishReason { get; set; }

    /// <summary>The sources cited by the [X.Y] markers in the response, parsed from CiteDataJson.</summary>
    public Citation[] Citations { get; set; } = Array.Empty<Citation>();

    /// <summary>cite_data_json exactly as the API returned it.</summary>
    public string? CiteDataJson { get; set; }

    public object? Meta { get; set; }

    /// <summary>meta_json exactly as the API returned it.</summary>
    public string? MetaJson { get; set; }

    /// <summary>AI-side problems come back here (and in the reply text), not as HTTP errors.</summary>
    public string? ErrorMessage { get; set; }

    public long? BackgroundPendingTasks { get; set; }

    public string? DetectedFrustrations { get; set; }

    public object? Feedback { get; set; }

    public string? FeedbackJson { get; set; }

    public object?[] Labels { get; set; } = Array.Empty<object?>();

    public SessionDocument[] SessionDocuments { get; set; } = Array.Empty<SessionDocument>();

    public string? AiContextJson { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Response;

    internal static Message FromJson(object? json, string? sessionUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "a message");
        string? citeData = o.GetString("cite_data_json");
        string? metaJson = o.GetString("meta_json");
        string? feedbackJson = o.GetString("feedback_json");
        return new Message
        {
            MessageUuid = ModelReader.Uuid(o, "a message"),
            SessionUuid = sessionUuid,
            Query = o.GetString("query") ?? string.Empty,
            Response = o.GetString("response") ?? string.Empty,
            FinishReason = o.GetString("finish_reason"),
            CiteDataJson = citeData,
            Citations = Citation.ParseAll(citeData),
            MetaJson = metaJson,
            Meta = ModelReader.EmbeddedJson(metaJson),
            ErrorMessage = o.GetString("error_message"),
            BackgroundPendingTasks = o.GetInt64("background_pending_tasks"),
            DetectedFrustrations = o.GetString("detected_frustrations"),
            FeedbackJson = feedbackJson,
            Feedback = ModelReader.EmbeddedJson(feedbackJson),
            Labels = ItemsOf(o.GetArray("labels")),
            SessionDocuments = (o.GetArray("session_documents") ?? new List<object?>()).Select(SessionDocument.FromJson).ToArray(),
            AiContextJson = o.GetString("ai_context_json"),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }

    private static object?[] ItemsOf(List<object?>? items)
        => items is null ? Array.Empty<object?>() : (object?[])ModelReader.FreeForm(items)!;
}
