using System.Globalization;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>
/// /_emulator routes that give conversations what only the service's users and its web app give them: the
/// lead-form answers and verified identity of a session (meta.user, meta.auth_data), and the labels, ratings,
/// detected frustration and error messages of a message. Also imports whole conversations at once, with
/// their times, so that a test or benchmark can hold thousands of them without asking thousands of questions.
/// </summary>
/// <remarks>The shapes are the service's own (docs/gpt-trainer-api.md, "Sessions" and "Messages").</remarks>
public static class ConversationControl
{
    private static readonly string[] SessionFields = { "created_at", "meta", "messages" };
    private static readonly string[] MessageFields =
    {
        "query", "response", "created_at", "finish_reason", "cite_data_json", "labels", "feedback_json", "detected_frustrations", "error_message",
    };

    public static void Map(RouteGroupBuilder c, Store store)
    {
        // {"sessions": [{created_at, meta, messages: [...]}]}: answered with the new uuids, in the order given.
        c.MapPost("/chatbots/{uuid}/sessions", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (body["sessions"] is not JsonArray items || items.Any(i => i is not JsonObject)) return Bad("sessions must be an array of objects");
            var sessions = new List<SessionRecord>();
            for (int i = 0; i < items.Count; i++)
            {
                if (ReadSession((JsonObject)items[i]!, uuid) is not SessionRecord session)
                {
                    return Bad($"sessions[{i}]: {Problem((JsonObject)items[i]!)}");
                }

                sessions.Add(session);
            }

            return Found(store, store.Chatbots, uuid, _ =>
            {
                foreach (SessionRecord session in sessions)
                {
                    store.Sessions[session.Uuid] = session;
                }

                return Json(new JsonObject
                {
                    ["sessions"] = new JsonArray(sessions.Select(s => (JsonNode)new JsonObject
                    {
                        ["uuid"] = s.Uuid,
                        ["messages"] = new JsonArray(s.Messages.Select(m => (JsonNode)JsonValue.Create(m.Uuid)!).ToArray()),
                    }).ToArray()),
                });
            });
        }));

        // The body becomes the session's meta, as the service answers it: {"user": {...}, "auth_data": {...}}.
        c.MapPost("/sessions/{uuid}/meta", (HttpContext ctx, string uuid) => WithBody(ctx, body => Found(store, store.Sessions, uuid, session =>
        {
            session.Meta = (JsonObject)body.DeepClone();
            return Json(session.ToJson(includeInitialVariables: false));
        })));

        // Only the fields given change: {"labels": [...], "feedback_json": ..., "detected_frustrations": ..., ...}.
        c.MapPost("/messages/{uuid}", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (MessageProblem(body) is string problem) return Bad(problem);
            lock (store.Gate)
            {
                MessageRecord? message = store.Sessions.Values.SelectMany(s => s.Messages).FirstOrDefault(m => m.Uuid == uuid);
                if (message is null) return NotFound();
                Apply(body, message);
                return Json(message.ToJson());
            }
        }));
    }

    private static SessionRecord? ReadSession(JsonObject item, string chatbotUuid)
    {
        if (Problem(item) is not null) return null;
        DateTime created = Time(item["created_at"]) ?? DateTime.UtcNow;
        var session = new SessionRecord { ChatbotUuid = chatbotUuid, CreatedUtc = created, Meta = (JsonObject?)item["meta"]?.DeepClone() ?? new JsonObject() };
        session.CreatedAt = session.ModifiedAt = Store.Stamp(created);

        // A message without a time of its own was answered when its session began.
        foreach (JsonObject fields in (item["messages"] as JsonArray ?? new JsonArray()).Cast<JsonObject>())
        {
            var message = new MessageRecord { SessionUuid = session.Uuid, CreatedAt = session.CreatedAt, ModifiedAt = session.CreatedAt };
            Apply(fields, message);
            session.Messages.Add(message);
            session.ModifiedAt = string.CompareOrdinal(message.CreatedAt, session.ModifiedAt) > 0 ? message.CreatedAt : session.ModifiedAt;
        }

        return session;
    }

    /// <summary>What is wrong with an imported session, or null; a message's problem names its place.</summary>
    private static string? Problem(JsonObject item)
    {
        if (item.Select(p => p.Key).FirstOrDefault(k => !SessionFields.Contains(k)) is string unknown) return $"unknown field '{unknown}'; allowed: {string.Join(", ", SessionFields)}";
        if (item["created_at"] is not null && Time(item["created_at"]) is null) return "'created_at' must be a timestamp such as 2025-03-01T11:00:00Z";
        if (item["meta"] is not null and not JsonObject) return "'meta' must be an object, such as {\"user\": {\"email\": \"ann@example.org\"}}";
        if (item["messages"] is null) return null;
        if (item["messages"] is not JsonArray messages || messages.Any(m => m is not JsonObject)) return "'messages' must be an array of objects";
        for (int i = 0; i < messages.Count; i++)
        {
            if (MessageProblem((JsonObject)messages[i]!) is string problem) return $"messages[{i}]: {problem}";
        }

        return null;
    }

    private static string? MessageProblem(JsonObject fields)
    {
        if (fields.Select(p => p.Key).FirstOrDefault(k => !MessageFields.Contains(k)) is string unknown) return $"unknown field '{unknown}'; allowed: {string.Join(", ", MessageFields)}";
        foreach (string name in new[] { "query", "response", "finish_reason", "error_message" })
        {
            if (fields.ContainsKey(name) && !IsString(fields[name])) return $"'{name}' must be a string";
        }

        if (fields.ContainsKey("detected_frustrations") && fields["detected_frustrations"] is not null && !IsString(fields["detected_frustrations"])) return "'detected_frustrations' must be a string or null";
        if (fields.ContainsKey("created_at") && Time(fields["created_at"]) is null) return "'created_at' must be a timestamp such as 2025-03-01T11:00:00Z";
        if (fields.ContainsKey("labels") && fields["labels"] is not JsonArray) return "'labels' must be an array";
        return null;
    }

    /// <summary>The JSON-in-a-string fields may be given as the JSON itself; they are stored as the service sends them, as text.</summary>
    private static void Apply(JsonObject fields, MessageRecord message)
    {
        foreach ((string name, JsonNode? value) in fields)
        {
            switch (name)
            {
                case "query": message.Query = (string)value!; break;
                case "response": message.Response = (string)value!; break;
                case "finish_reason": message.FinishReason = (string)value!; break;
                case "error_message": message.ErrorMessage = (string)value!; break;
                case "detected_frustrations": message.DetectedFrustrations = (string?)value; break;
                case "labels": message.Labels = (JsonArray)value!.DeepClone(); break;
                case "cite_data_json": message.CiteDataJson = EmbeddedText(value) ?? "{}"; break;
                case "feedback_json": message.FeedbackJson = EmbeddedText(value); break;
                case "created_at": message.CreatedAt = message.ModifiedAt = Store.Stamp(Time(value)!.Value); break;
            }
        }
    }

    private static string? EmbeddedText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue text when text.TryGetValue(out string? s) => s,
        _ => value.ToJsonString(),
    };

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? _);

    private static DateTime? Time(JsonNode? node)
        => IsString(node) && DateTime.TryParse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time) ? time : null;
}
