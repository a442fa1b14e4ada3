using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Source tags of a chatbot: a name, a hex colour and the sources carrying it. Deleted with DELETE, like chatbots and agents.</summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Source tags".</remarks>
public static class SourceTagsApi
{
    public static void Map(RouteGroupBuilder v1, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/source-tag/create", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (NonEmptyStr(body, "name") is not string name) return Bad("name is required");
            if (Str(body, "color") is not string color || !IsHexColor(color)) return Bad("color is required as a hex colour such as #088F8F");
            return Found(store, store.Chatbots, uuid, _ =>
            {
                var tag = new TagRecord { ChatbotUuid = uuid, Name = name, Color = color };
                if (DataSourcesApi.ApplySourceList(store, uuid, body, members => tag.DataSourceUuids = members) is IResult badSources) return badSources;
                store.Tags[tag.Uuid] = tag;
                return Json(tag.ToJson());
            });
        }));
        v1.MapGet("/chatbot/{uuid}/source-tags", (string uuid) => Found(store, store.Chatbots, uuid, _ =>
            JsonList(store.Tags.Values.Where(t => t.ChatbotUuid == uuid).Select(t => t.ToJson()))));
        v1.MapPost("/source-tag/{uuid}/update", (HttpContext ctx, string uuid) => WithBody(ctx, body => Found(store, store.Tags, uuid, tag =>
        {
            if (ApplyName(body, name => tag.Name = name) is IResult badName) return badName;
            if (body.ContainsKey("color"))
            {
                if (Str(body, "color") is not string color || !IsHexColor(color)) return Bad("color must be a hex colour such as #088F8F");
                tag.Color = color;
            }

            if (DataSourcesApi.ApplySourceList(store, tag.ChatbotUuid, body, members => tag.DataSourceUuids = members) is IResult badSources) return badSources;
            tag.Touch();
            return Json(tag.ToJson());
        })));
        v1.MapDelete("/source-tag/{uuid}/delete", (string uuid) => Removed(store, store.Tags, uuid));
    }

    private static bool IsHexColor(string color)
        => color.Length == 7 && color[0] == '#' && color.Skip(1).All(Uri.IsHexDigit);
}
