using System.Text;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>
/// Messages of a session: the streamed and the non-stream reply, the list, the plain-text transcript and
/// the deletes. A message is one question with its answer; the service has no per-role rows.
/// </summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Messages".</remarks>
public static class MessagesApi
{
    public static void Map(RouteGroupBuilder v1, Store store, Control control)
    {
        // Clients that guess the obvious path get what the live service was seen to answer. Which methods
        // the path does take is unknown, so Allow lists none, as HTTP permits for a 405.
        v1.MapPost("/session/{uuid}/message", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Allow = "";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        v1.MapPost("/session/{uuid}/message/stream", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (NonEmptyStr(body, "query") is not string query) return Bad("query is required");

            // Looked up under the lock but streamed outside it: a reply may take seconds.
            SessionRecord? session;
            lock (store.Gate)
            {
                store.Sessions.TryGetValue(uuid, out session);
            }

            if (session is null) return NotFound();
            await Streaming.StreamReplyAsync(ctx, store, control, session, query);
            return Results.Empty;
        });
        // Documents too long for the model are the service's 200 with a notice for a reply, not an error.
        v1.MapPost("/session/{uuid}/message/non-stream", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (NonEmptyStr(body, "query") is not string query) return Bad("query is required");
            var documents = body["session_document_uuids"] is JsonArray docs ? docs.Select(d => (string?)d ?? "").ToList() : new List<string>();
            SessionRecord? session;
            string? notice;
            lock (store.Gate)
            {
                if (!store.Sessions.TryGetValue(uuid, out session)) return NotFound();
                if (documents.Select(d => SessionDocuments.Refusal(store, session, d)).FirstOrDefault(r => r is not null) is string refusal) return Bad(refusal);
                notice = SessionDocuments.Admit(session, documents.Select(d => store.Documents[d]), Knowledge.AnsweringModel(store, session.ChatbotUuid));
            }

            // A scripted reply (/_emulator/reply with text or pieces) answers here too, joined, as the stream would store it.
            ReplyPlan plan = control.PlanFor(session.Uuid);
            string? scripted = plan.Pieces is not null ? string.Concat(plan.Pieces) : plan.Text;
            ComposedReply reply = notice is not null ? new ComposedReply(notice, "{}")
                : scripted is not null ? new ComposedReply(scripted, "{}")
                : ReplyComposer.Compose(Knowledge.Of(store, session), query);
            store.AddMessage(session, query, reply.Text, reply.CiteDataJson, documents);
            return Json(new JsonObject { ["response"] = reply.Text });
        }));
        v1.MapGet("/session/{uuid}/messages", (string uuid) => Found(store, store.Sessions, uuid, s => JsonList(s.Messages.Select(m => m.ToJson()))));

        // The service's transcript format is unknown; these prefixes are the emulator's own, and tests must not rely on them.
        v1.MapGet("/session/{uuid}/messages/plain-text", (string uuid) => Found(store, store.Sessions, uuid, s =>
        {
            var text = new StringBuilder();
            foreach (MessageRecord m in s.Messages)
            {
                text.Append("User: ").Append(m.Query).Append('\n').Append("AI: ").Append(m.Response).Append("\n\n");
            }

            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        }));
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

        // Unknown uuids are skipped, not refused: the service documents nothing else, and clients expect success.
        v1.MapPost("/messages/delete", Task<IResult> (HttpContext ctx) => WithUuids(ctx, uuids =>
        {
            lock (store.Gate)
            {
                foreach (SessionRecord s in store.Sessions.Values)
                {
                    s.Messages.RemoveAll(m => uuids.Contains(m.Uuid));
                }
            }

            return Success();
        }));
    }
}
