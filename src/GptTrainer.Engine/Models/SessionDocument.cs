namespace GptTrainer.Models;

/// <summary>
/// A document uploaded for a session's questions, as a stored message lists it. The service documents only
/// that documents have a uuid, so the other fields are filled when present.
/// </summary>
public sealed class SessionDocument
{
    public string DocumentUuid { get; set; } = string.Empty;

    public string? FileName { get; set; }

    public long? FileSize { get; set; }

    public DateTime? CreatedAt { get; set; }

    public override string ToString() => FileName ?? DocumentUuid;

    internal static SessionDocument FromJson(object? json)
    {
        // A bare uuid is the least a message could list; an object may say more.
        if (json is string uuid)
        {
            return new SessionDocument { DocumentUuid = uuid };
        }

        JsonObject o = ModelReader.AsObject(json, "a session document");
        return new SessionDocument
        {
            DocumentUuid = ModelReader.Uuid(o, "a session document"),
            FileName = o.GetString("file_name") ?? o.GetString("filename"),
            FileSize = o.GetInt64("file_size"),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
        };
    }
}
