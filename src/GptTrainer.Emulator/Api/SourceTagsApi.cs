using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Source tags of a chatbot: a name, a hex colour and the sources carrying it.</summary>
public static class SourceTagsApi
{
    public static void Map(RouteGroupBuilder v1, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/source-tag/create", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "name") is not string name || name.Length == 0) return Bad("name is required");
            if (Str(body, "color") is not string color || !IsHexColor(color)) return Bad("color is required as a hex colour such as #088F8F");
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var tag = new TagRecord { ChatbotUuid = uuid, Name = name, Color = color };
                if (body.ContainsKey("data_source_uuids"))
                {
                    if (DataSourcesApi.SourceList(store, uuid, body["data_source_uuids"]) is not List<string> members) return Bad("data_source_uuids must list sources of this chatbot");
                    tag.DataSourceUuids = members;
                }

                store.Tags[tag.Uuid] = tag;
                return Json(tag.ToJson());
            }
        });
        v1.MapGet("/chatbot/{uuid}/source-tags", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                return Json(new JsonArray(store.Tags.Values.Where(t => t.ChatbotUuid == uuid).Select(t => (JsonNode)t.ToJson()).ToArray()));
            }
        });
        v1.MapPost("/source-tag/{uuid}/update", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            lock (store.Gate)
            {
                if (!store.Tags.TryGetValue(uuid, out TagRecord? tag)) return NotFound();
                if (body.ContainsKey("name"))
                {
                    if (Str(body, "name") is not string name || name.Length == 0) return Bad("name must not be empty");
                    tag.Name = name;
                }

                if (body.ContainsKey("color"))
                {
                    if (Str(body, "color") is not string color || !IsHexColor(color)) return Bad("color must be a hex colour such as #088F8F");
                    tag.Color = color;
                }

                if (body.ContainsKey("data_source_uuids"))
                {
                    if (DataSourcesApi.SourceList(store, tag.ChatbotUuid, body["data_source_uuids"]) is not List<string> members) return Bad("data_source_uuids must list sources of this chatbot");
                    tag.DataSourceUuids = members;
                }

                tag.Touch();
                return Json(tag.ToJson());
            }
        });
        v1.MapDelete("/source-tag/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Tags.Remove(uuid) ? Success() : NotFound();
            }
        });
    }

    private static bool IsHexColor(string color)
        => color.Length == 7 && color[0] == '#' && color.Skip(1).All(Uri.IsHexDigit);
}
