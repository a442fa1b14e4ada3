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

    /// <summary>The size of its text in UTF-8 bytes when that is not the file's (a PDF's text is far smaller than the file).</summary>
    public long? TextBytes;

    public long Tokens => TokenEstimate.FromBytes(TextBytes ?? Size);

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["file_name"] = FileName,
        ["file_size"] = Size,
        ["created_at"] = CreatedAt,
    };
}
