using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>Settings are held flat, as requests send them; <see cref="ToJson"/> nests them under "meta", as the service answers.</summary>
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
