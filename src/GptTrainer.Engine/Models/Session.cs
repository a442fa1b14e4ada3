namespace GptTrainer.Models;

/// <summary>A chat session: the conversation that messages belong to.</summary>
public sealed class Session
{
    public string SessionUuid { get; set; } = string.Empty;

    /// <summary>Known when the session was created or listed through its chatbot; the API does not return it.</summary>
    public string? ChatbotUuid { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    /// <summary>Lead-form answers (meta.user) and identity data (meta.auth_data) when the service has them.</summary>
    public object? Meta { get; set; }

    public object? InitialVariables { get; set; }

    public override string ToString() => SessionUuid;

    internal static Session FromJson(object? json, string? chatbotUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "a session");
        return new Session
        {
            SessionUuid = ModelReader.Uuid(o, "a session"),
            ChatbotUuid = chatbotUuid,
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
            Meta = ModelReader.FreeForm(o.GetObject("meta")),
            InitialVariables = ModelReader.FreeForm(o.GetObject("initial_variables")),
        };
    }
}
