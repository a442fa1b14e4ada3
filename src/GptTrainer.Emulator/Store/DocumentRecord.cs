using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>A session document belongs to no session until a message names it, as with the service's upload route.</summary>
public sealed class DocumentRecord : Record
{
    public string FileName = "";
    public long Size;
    public string Text = "";

    /// <summary>The session whose message first named the document and took it in; null until then.</summary>
    public string? SessionUuid;

    public long Tokens => TokenEstimate.FromBytes(Size);

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["file_name"] = FileName,
        ["file_size"] = Size,
        ["created_at"] = CreatedAt,
    };
}
