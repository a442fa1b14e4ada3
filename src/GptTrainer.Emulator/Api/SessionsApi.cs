using System.Globalization;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>
/// Sessions of a chatbot, and the session documents a non-stream message may name: those belong to
/// sessions in use even though their upload route names no session.
/// </summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Sessions".</remarks>
public static class SessionsApi
{
    public static void Map(RouteGroupBuilder v1, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/session/create", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            JsonObject? variables = null;
            if (body["initial_variables"] is JsonNode node)
            {
                if (node is not JsonObject obj || obj.Any(p => p.Value is JsonObject or JsonArray)) return Bad("initial_variables must be a flat object");
                variables = obj;
            }

            return Found(store, store.Chatbots, uuid, _ =>
            {
                var session = new SessionRecord { ChatbotUuid = uuid, InitialVariables = (JsonObject?)variables?.DeepClone() };
                store.Sessions[session.Uuid] = session;
                return Json(session.ToJson(includeInitialVariables: true));
            });
        }));
        v1.MapGet("/session/{uuid}", (string uuid) => Found(store, store.Sessions, uuid, s => Json(s.ToJson(includeInitialVariables: false))));
        v1.MapGet("/chatbot/{uuid}/sessions", (HttpContext ctx, string uuid) =>
        {
            if (!TryFilterTime(ctx, "start_timestamp", out DateTime? start)) return Bad("start_timestamp must look like YYYY-MM-DDTHH:mm:ss.sssZ");
            if (!TryFilterTime(ctx, "end_timestamp", out DateTime? end)) return Bad("end_timestamp must look like YYYY-MM-DDTHH:mm:ss.sssZ");
            return Found(store, store.Chatbots, uuid, _ => JsonList(store.Sessions.Values
                .Where(s => s.ChatbotUuid == uuid)
                .Where(s => start is null || s.CreatedUtc >= start)
                .Where(s => end is null || s.CreatedUtc <= end)
                .Select(s => s.ToJson(includeInitialVariables: false, includeMeta: false))));
        });
        v1.MapPost("/session/{uuid}/delete", (string uuid) => Removed(store, store.Sessions, uuid));

        // Undocumented; the Python SDK uploads documents here before naming them in a non-stream message.
        v1.MapPost("/session-document/upload", Task<IResult> (HttpContext ctx) => ApiForms.WithFile(ctx, async (form, file) =>
        {
            (string text, long textBytes) = await ApiForms.ReadText(file);
            var document = new DocumentRecord
            {
                FileName = form["filename"].FirstOrDefault() ?? file.FileName,
                Size = file.Length,
                Text = text,
                TextBytes = textBytes,
            };
            lock (store.Gate)
            {
                store.Documents[document.Uuid] = document;
            }

            return Json(document.ToJson());
        })).TakesUploads();
    }

    /// <summary>False only when the filter is given but unreadable; a missing filter does not narrow the list.</summary>
    private static bool TryFilterTime(HttpContext ctx, string name, out DateTime? value)
    {
        value = null;
        if (ctx.Request.Query[name].FirstOrDefault() is not string text) return true;
        if (!DateTime.TryParseExact(text, new[] { "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'" }, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
