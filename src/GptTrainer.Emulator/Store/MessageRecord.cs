using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>One question and its answer, the service's unit of conversation (there are no roles); fields the service sends as JSON text stay text.</summary>
public sealed class MessageRecord : Record
{
    public string SessionUuid = "";
    public string Query = "";
    public string Response = "";
    public string FinishReason = "stop";
    public string CiteDataJson = "{}";
    public JsonArray SessionDocuments = new();

    // What the web app and the service's background work add to a stored message; the emulator models
    // none of it, so they hold what a test sets through the control API or a seed (neutral otherwise).
    public JsonArray Labels = new();
    public string? FeedbackJson;
    public string? DetectedFrustrations;
    public string ErrorMessage = "";

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["created_at"] = CreatedAt,
        ["modified_at"] = ModifiedAt,
        ["query"] = Query,
        ["response"] = Response,
        ["finish_reason"] = FinishReason,
        ["cite_data_json"] = CiteDataJson,
        ["meta_json"] = "{}",
        ["background_pending_tasks"] = 0,
        ["detected_frustrations"] = DetectedFrustrations,
        ["error_message"] = ErrorMessage,
        ["feedback_json"] = FeedbackJson,
        ["labels"] = Labels.DeepClone(),
        ["session_documents"] = SessionDocuments.DeepClone(),
        ["ai_context_json"] = "{}",
    };
}
