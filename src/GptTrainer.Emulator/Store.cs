using System.Globalization;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// Everything the emulated service knows, in memory. One lock guards it all: the emulator serves tests
/// and benchmarks on loopback, where simplicity matters more than contention.
/// </summary>
public sealed class Store
{
    public readonly object Gate = new();
    public readonly Dictionary<string, ChatbotRecord> Chatbots = new();
    public readonly Dictionary<string, AgentRecord> Agents = new();
    public readonly Dictionary<string, SessionRecord> Sessions = new();
    public readonly Dictionary<string, SourceRecord> Sources = new();
    public readonly Dictionary<string, TagRecord> Tags = new();
    public readonly Dictionary<string, DocumentRecord> Documents = new();

    /// <summary>Page text for URL sources, registered by tests: the emulator never fetches from the network.</summary>
    public readonly Dictionary<string, string> WebPages = new(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] Models = { "gpt-4o-mini-4k", "gpt-4o-mini-16k", "gpt-4o-8k", "gpt-4o-16k", "gpt-3.5-turbo", "claude-3.5-sonnet-32k", "gemini-1.5-pro-64k" };

    public static readonly Dictionary<string, int> ModelCosts = new()
    {
        ["gpt-4o-mini-4k"] = 1, ["gpt-4o-mini-16k"] = 2, ["gpt-4o-8k"] = 20, ["gpt-4o-16k"] = 40,
        ["gpt-3.5-turbo"] = 1, ["claude-3.5-sonnet-32k"] = 66, ["gemini-1.5-pro-64k"] = 50,
    };

    public static string NewUuid() => Guid.NewGuid().ToString("N");

    public static string Now() => Stamp(DateTime.UtcNow);

    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public int MessageCount()
    {
        lock (Gate)
        {
            return Sessions.Values.Sum(s => s.Messages.Count);
        }
    }

    public void Clear()
    {
        lock (Gate)
        {
            Chatbots.Clear();
            Agents.Clear();
            Sessions.Clear();
            Sources.Clear();
            Tags.Clear();
            Documents.Clear();
            WebPages.Clear();
        }
    }

    /// <summary>Deleting a chatbot removes everything under it, as the service does.</summary>
    public void RemoveChatbot(string uuid)
    {
        lock (Gate)
        {
            Chatbots.Remove(uuid);
            RemoveWhere(Agents, a => a.ChatbotUuid == uuid);
            RemoveWhere(Sessions, s => s.ChatbotUuid == uuid);
            RemoveWhere(Sources, s => s.ChatbotUuid == uuid);
            RemoveWhere(Tags, t => t.ChatbotUuid == uuid);
        }
    }

    public void RemoveSources(IEnumerable<string> uuids)
    {
        lock (Gate)
        {
            foreach (string uuid in uuids)
            {
                Sources.Remove(uuid);
                foreach (TagRecord tag in Tags.Values)
                {
                    tag.DataSourceUuids.Remove(uuid);
                }

                foreach (AgentRecord agent in Agents.Values)
                {
                    foreach (var link in agent.DataSourceUuids.Where(n => (string?)n == uuid).ToList())
                    {
                        agent.DataSourceUuids.Remove(link);
                    }
                }
            }
        }
    }

    private static void RemoveWhere<T>(Dictionary<string, T> map, Func<T, bool> predicate)
    {
        foreach (string key in map.Where(p => predicate(p.Value)).Select(p => p.Key).ToList())
        {
            map.Remove(key);
        }
    }
}

public abstract class Record
{
    public string Uuid { get; } = Store.NewUuid();

    public string CreatedAt { get; set; } = Store.Now();

    public string ModifiedAt { get; set; } = Store.Now();

    public void Touch() => ModifiedAt = Store.Now();
}

public sealed class ChatbotRecord : Record
{
    public string Name = "";
    public string Visibility = "private";
    public JsonArray RateLimit = new() { 20, 240 };
    public string RateLimitMessage = "Too many messages";
    public bool ShowCitations;

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["name"] = Name,
        ["created_at"] = CreatedAt,
        ["modified_at"] = ModifiedAt,
        ["meta"] = new JsonObject
        {
            ["visibility"] = Visibility,
            ["rate_limit"] = RateLimit.DeepClone(),
            ["rate_limit_message"] = RateLimitMessage,
            ["show_citations"] = ShowCitations,
        },
    };
}

public sealed class AgentRecord : Record
{
    public string ChatbotUuid = "";
    public string Name = "";
    public string Description = "";
    public string Prompt = "";
    public string Type = "user-facing";
    public bool Enabled;
    public JsonObject Meta = new();
    public JsonArray DataSourceUuids = new();
    public JsonArray Variables = new();
    public JsonObject? HumanEscalationSettings;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["uuid"] = Uuid,
            ["name"] = Name,
            ["description"] = Description,
            ["prompt"] = Prompt,
            ["type"] = Type,
            // The docs show 0/1 here; clients must read both forms.
            ["enabled"] = Enabled ? 1 : 0,
            ["created_at"] = CreatedAt,
            ["modified_at"] = ModifiedAt,
            ["meta"] = Meta.DeepClone(),
            ["data_source_uuids"] = DataSourceUuids.DeepClone(),
            ["tool_functions"] = new JsonArray(),
            ["variables"] = Variables.DeepClone(),
        };
        if (HumanEscalationSettings is not null)
        {
            json["human_escalation_settings"] = HumanEscalationSettings.DeepClone();
        }

        return json;
    }
}

public sealed class SessionRecord : Record
{
    public string ChatbotUuid = "";
    public JsonObject? InitialVariables;
    public JsonObject Meta = new();
    public readonly List<MessageRecord> Messages = new();

    /// <summary>Creation time as a value, for the list's time filter.</summary>
    public DateTime CreatedUtc = DateTime.UtcNow;

    public JsonObject ToJson(bool includeInitialVariables)
    {
        var json = new JsonObject
        {
            ["uuid"] = Uuid,
            ["created_at"] = CreatedAt,
            ["modified_at"] = ModifiedAt,
        };
        if (Meta.Count > 0)
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

public sealed class SourceRecord : Record
{
    public string ChatbotUuid = "";
    public string Title = "";
    public string FileName = "";
    public long FileSize;
    public string Type = "upload";
    public string Status = "await";
    public string MetaJson = "{}";
    public string ReferenceSourceLink = "";

    /// <summary>What the emulator's replies quote from; not part of the API's Source object.</summary>
    public string Text = "";

    /// <summary>Words that find this source without being quoted (a Q&A source's question).</summary>
    public string MatchContext = "";

    public long Tokens => Status == "success" ? Math.Max(1, Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) : 0;

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

public sealed class TagRecord : Record
{
    public string ChatbotUuid = "";
    public string Name = "";
    public string Color = "";
    public List<string> DataSourceUuids = new();

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["name"] = Name,
        ["color"] = Color,
        ["data_source_uuids"] = new JsonArray(DataSourceUuids.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray()),
        ["created_at"] = CreatedAt,
        ["modified_at"] = ModifiedAt,
    };
}

public sealed class DocumentRecord : Record
{
    public string FileName = "";
    public long Size;
    public string Text = "";

    public JsonObject ToJson() => new()
    {
        ["uuid"] = Uuid,
        ["file_name"] = FileName,
        ["file_size"] = Size,
        ["created_at"] = CreatedAt,
    };
}
