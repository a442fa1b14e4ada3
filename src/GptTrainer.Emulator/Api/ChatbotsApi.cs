using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Chatbots: settings go in flat and come back under "meta"; deleting one takes everything under it along.</summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Chatbots".</remarks>
public static class ChatbotsApi
{
    private static readonly string[] Visibilities = { "private", "public", "hybrid" };

    public static void Map(RouteGroupBuilder v1, Store store)
    {
        v1.MapPost("/chatbot/create", Task<IResult> (HttpContext ctx) => WithBody(ctx, body =>
        {
            if (NonEmptyStr(body, "name") is not string name) return Bad("name is required");
            var bot = new ChatbotRecord { Name = name };
            if (ApplyChatbotSettings(bot, body) is IResult invalid) return invalid;

            // The service creates this agent with every chatbot, so agent lists start out as the service's do.
            var general = new AgentRecord
            {
                ChatbotUuid = bot.Uuid,
                Name = "General Q&A",
                Description = "Handles general questions using the source library.",
                Prompt = "You are a helpful assistant. Answer from the sources.",
                Type = "user-facing",
                Enabled = true,
                Meta = new JsonObject { ["model"] = ModelCatalogue.DefaultModel, ["temperature"] = 0, ["use_all_sources"] = true },
            };
            lock (store.Gate)
            {
                store.Chatbots[bot.Uuid] = bot;
                store.Agents[general.Uuid] = general;
            }

            return Json(bot.ToJson());
        }));
        v1.MapPost("/chatbot/{uuid}/update", (HttpContext ctx, string uuid) => WithBody(ctx, body => Found(store, store.Chatbots, uuid, bot =>
        {
            if (ApplyName(body, name => bot.Name = name) is IResult badName) return badName;
            if (ApplyChatbotSettings(bot, body) is IResult invalid) return invalid;
            bot.Touch();
            return Json(bot.ToJson());
        })));
        v1.MapGet("/chatbot/{uuid}", (string uuid) => Found(store, store.Chatbots, uuid, bot => Json(bot.ToJson())));
        v1.MapGet("/chatbots", () =>
        {
            lock (store.Gate)
            {
                return JsonList(store.Chatbots.Values.Select(b => b.ToJson()));
            }
        });
        v1.MapDelete("/chatbot/{uuid}/delete", (string uuid) => Found(store, store.Chatbots, uuid, _ =>
        {
            store.RemoveChatbot(uuid);
            return Success();
        }));
    }

    private static IResult? ApplyChatbotSettings(ChatbotRecord bot, JsonObject body)
    {
        if (body.ContainsKey("visibility"))
        {
            if (Str(body, "visibility") is not string visibility || !Visibilities.Contains(visibility)) return Bad("visibility must be private, public or hybrid");
            bot.Visibility = visibility;
        }

        if (body.ContainsKey("rate_limit"))
        {
            if (body["rate_limit"] is not JsonArray { Count: 2 } limit
                || Int(limit[0]) is not int messages || Int(limit[1]) is not int seconds
                || messages is < 1 or > 100 || seconds is < 1 or > 360)
            {
                return Bad("rate_limit must be [messages 1-100, seconds 1-360]");
            }

            bot.RateLimit = new JsonArray(messages, seconds);
        }

        if (body.ContainsKey("rate_limit_message"))
        {
            bot.RateLimitMessage = Str(body, "rate_limit_message") ?? "";
        }

        if (body.ContainsKey("show_citations"))
        {
            if (Bool(body["show_citations"]) is not bool show) return Bad("show_citations must be a boolean");
            bot.ShowCitations = show;
        }

        return null;
    }
}
