namespace GptTrainer.Models;

/// <summary>A chatbot. The API nests its settings under "meta"; here they are plain properties.</summary>
public sealed class Chatbot
{
    public string ChatbotUuid { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>private, public or hybrid.</summary>
    public string? Visibility { get; set; }

    /// <summary>Widget users may send this many messages...</summary>
    public int? RateLimitMessages { get; set; }

    /// <summary>...per this many seconds.</summary>
    public int? RateLimitSeconds { get; set; }

    public string? RateLimitMessage { get; set; }

    public bool? ShowCitations { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Name;

    internal static Chatbot FromJson(object? json)
    {
        JsonObject o = ModelReader.AsObject(json, "a chatbot");
        JsonObject meta = o.GetObject("meta") ?? new JsonObject();
        var rateLimit = meta.GetArray("rate_limit");
        return new Chatbot
        {
            ChatbotUuid = ModelReader.Uuid(o, "a chatbot"),
            Name = o.GetString("name") ?? string.Empty,
            Visibility = meta.GetString("visibility"),
            RateLimitMessages = rateLimit is { Count: 2 } ? JsonConvert.AsInt32(rateLimit[0], "rate_limit[0]") : null,
            RateLimitSeconds = rateLimit is { Count: 2 } ? JsonConvert.AsInt32(rateLimit[1], "rate_limit[1]") : null,
            RateLimitMessage = meta.GetString("rate_limit_message"),
            ShowCitations = meta.GetBoolean("show_citations") ?? meta.GetBoolean("show_citation"),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}
