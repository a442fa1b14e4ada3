using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>A data source as the service lists it, plus the text the emulator's replies are composed from.</summary>
public sealed class SourceRecord : Record
{
    public string ChatbotUuid = "";
    public string Title = "";
    public string FileName = "";
    public long FileSize;
    public string Type = "upload";
    public string Status = "await";

    /// <summary>Set while the source is being processed; a status set by a test stops it.</summary>
    public ProcessingRun? Processing;
    public string MetaJson = "{}";

    /// <summary>What the emulator's replies quote from; not part of the API's Source object.</summary>
    public string Text = "";

    /// <summary>Words that find this source without being quoted (a Q&A source's question).</summary>
    public string MatchContext = "";

    /// <summary>The size of its text in UTF-8 bytes when that is not the file's (a PDF's text is far smaller than the file).</summary>
    public long? TextBytes;

    /// <summary>What the source counts against its chatbot's token budget; answered as "tokens" once processed.</summary>
    public long EstimatedTokens => Math.Max(1, TokenEstimate.FromBytes(TextBytes ?? FileSize));

    public long Tokens => Status == SourceProcessing.Done ? EstimatedTokens : 0;

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["created_at"] = CreatedAt,
        ["modified_at"] = ModifiedAt,
        ["title"] = Title,
        ["file_name"] = FileName,
        ["file_size"] = FileSize,
        ["tokens"] = Tokens,
        ["type"] = Type,
        ["status"] = Status,
        ["meta_json"] = MetaJson,
    };
}
