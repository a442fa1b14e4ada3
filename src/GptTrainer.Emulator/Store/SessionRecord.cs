using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>A session owns its messages, so deleting it (or its chatbot) takes them along without a separate sweep.</summary>
public sealed class SessionRecord : Record
{
    public string ChatbotUuid = "";
    public JsonObject? InitialVariables;
    public JsonObject Meta = new();
    public readonly List<MessageRecord> Messages = new();

    /// <summary>The documents its messages took in, in that order; every later answer of the session draws on them.</summary>
    public readonly List<DocumentRecord> Documents = new();

    /// <summary>Creation time as a value, for the list's time filter.</summary>
    public DateTime CreatedUtc = DateTime.UtcNow;

    /// <param name="includeMeta">The reference shows meta only when one session is fetched; its list answers carry the three basic fields.</param>
    public JsonObject ToJson(bool includeInitialVariables, bool includeMeta = true)
    {
        var json = new JsonObject
        {
            ["uuid"] = Uuid,
            ["created_at"] = CreatedAt,
            ["modified_at"] = ModifiedAt,
        };
        if (includeMeta && Meta.Count > 0)
        {
            json["meta"] = Meta.DeepClone();
        }

        if (includeInitialVariables && InitialVariables is not null)
        {
            json["initial_variables"] = InitialVariables.DeepClone();
        }

        return json;
    }
}
