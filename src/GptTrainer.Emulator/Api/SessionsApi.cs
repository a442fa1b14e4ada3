using System.Globalization;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Sessions of a chatbot, and the session documents a non-stream message may name.</summary>
public static class SessionsApi
{
    public static void Map(RouteGroupBuilder v1, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/session/create", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            JsonObject? variables = null;
            if (body["initial_variables"] is JsonNode node)
            {
                if (node is not JsonObject obj || obj.Any(p => p.Value is JsonObject or JsonArray)) return Bad("initial_variables must be a flat object");
                variables = obj;
            }

            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var session = new SessionRecord { ChatbotUuid = uuid, InitialVariables = (JsonObject?)variables?.DeepClone() };
                store.Sessions[session.Uuid] = session;
                return Json(session.ToJson(includeInitialVariables: true));
            }
        });
        v1.MapGet("/session/{uuid}", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Sessions.TryGetValue(uuid, out SessionRecord? s) ? Json(s.ToJson(includeInitialVariables: false)) : NotFound();
            }
        });
        v1.MapGet("/chatbot/{uuid}/sessions", (HttpContext ctx, string uuid) =>
        {
            DateTime? start = null, end = null;
            if (ctx.Request.Query["start_timestamp"].FirstOrDefault() is string startText)
            {
                if (ParseFilterTime(startText) is not DateTime parsed) return Bad("start_timestamp must look like YYYY-MM-DDTHH:mm:ss.sssZ");
                start = parsed;
            }

            if (ctx.Request.Query["end_timestamp"].FirstOrDefault() is string endText)
            {
                if (ParseFilterTime(endText) is not DateTime parsed) return Bad("end_timestamp must look like YYYY-MM-DDTHH:mm:ss.sssZ");
                end = parsed;
            }

            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var sessions = store.Sessions.Values
                    .Where(s => s.ChatbotUuid == uuid)
                    .Where(s => start is null || s.CreatedUtc >= start)
                    .Where(s => end is null || s.CreatedUtc <= end)
                    .Select(s => (JsonNode)s.ToJson(includeInitialVariables: false));
                return Json(new JsonArray(sessions.ToArray()));
            }
        });
        v1.MapPost("/session/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Sessions.Remove(uuid) ? Success() : NotFound();
            }
        });

        // Session documents (undocumented; used by the Python SDK)
        v1.MapPost("/session-document/upload", async (HttpContext ctx) =>
        {
            if (!ctx.Request.HasFormContentType) return Bad("multipart/form-data with a file part is required");
            IFormCollection form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            IFormFile? file = form.Files["file"];
            if (file is null) return Bad("file is required");
            var document = new DocumentRecord
            {
                FileName = form["filename"].FirstOrDefault() ?? file.FileName,
                Size = file.Length,
                Text = await ReadText(file),
            };
            lock (store.Gate)
            {
                store.Documents[document.Uuid] = document;
            }

            return Json(document.ToJson());
        });
    }

    private static DateTime? ParseFilterTime(string text)
        => DateTime.TryParseExact(text, new[] { "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'" }, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime value)
            ? value
            : null;
}
