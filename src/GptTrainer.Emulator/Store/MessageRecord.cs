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
        ["detected_frustrations"] = null,
        ["error_message"] = "",
        ["feedback_json"] = null,
        ["labels"] = new JsonArray(),
        ["session_documents"] = SessionDocuments.DeepClone(),
        ["ai_context_json"] = "{}",
    };
}
