using System.Text;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Messages of a session: the streamed and the non-stream reply, the list, the transcript and the deletes.</summary>
public static class MessagesApi
{
    public static void Map(RouteGroupBuilder v1, Store store, Control control)
    {
        v1.MapPost("/session/{uuid}/message", () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        v1.MapPost("/session/{uuid}/message/stream", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "query") is not string query || query.Length == 0) return Bad("query is required");
            SessionRecord? session;
            lock (store.Gate)
            {
                store.Sessions.TryGetValue(uuid, out session);
            }

            if (session is null) return NotFound();
            await Streaming.StreamReplyAsync(ctx, store, control, session, query);
            return Results.Empty;
        });
        v1.MapPost("/session/{uuid}/message/non-stream", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "query") is not string query || query.Length == 0) return Bad("query is required");
            var documents = body["session_document_uuids"] is JsonArray docs ? docs.Select(d => (string?)d ?? "").ToList() : new List<string>();
            SessionRecord? session;
            lock (store.Gate)
            {
                store.Sessions.TryGetValue(uuid, out session);
                if (documents.FirstOrDefault(d => !store.Documents.ContainsKey(d)) is string unknown) return Bad($"unknown session document {unknown}");
            }

            if (session is null) return NotFound();
            ReplyComposer.Composed reply = ReplyComposer.Compose(store, session, query, documents);
            store.AddMessage(session, query, reply.Text, reply.CiteDataJson, documents);
            return Json(new JsonObject { ["response"] = reply.Text });
        });
        v1.MapGet("/session/{uuid}/messages", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Sessions.TryGetValue(uuid, out SessionRecord? s)) return NotFound();
                return Json(new JsonArray(s.Messages.Select(m => (JsonNode)m.ToJson()).ToArray()));
            }
        });
        v1.MapGet("/session/{uuid}/messages/plain-text", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Sessions.TryGetValue(uuid, out SessionRecord? s)) return NotFound();
                var text = new StringBuilder();
                foreach (MessageRecord m in s.Messages)
                {
                    text.Append("User: ").Append(m.Query).Append('\n').Append("AI: ").Append(m.Response).Append("\n\n");
                }

                return Results.Text(text.ToString(), "text/plain; charset=utf-8");
            }
        });
        v1.MapPost("/message/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                foreach (SessionRecord s in store.Sessions.Values)
                {
                    if (s.Messages.RemoveAll(m => m.Uuid == uuid) > 0) return Success();
                }

                return NotFound();
            }
        });
        v1.MapPost("/messages/delete", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Uuids(body) is not HashSet<string> uuids) return Bad("uuids is required");
            lock (store.Gate)
            {
                foreach (SessionRecord s in store.Sessions.Values)
                {
                    s.Messages.RemoveAll(m => uuids.Contains(m.Uuid));
                }
            }

            return Success();
        });
    }
}
