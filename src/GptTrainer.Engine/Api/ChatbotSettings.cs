namespace GptTrainer.Api;

/// <summary>A chatbot's settings as a create or an update sends them; null means "not given".</summary>
internal sealed class ChatbotSettings
{
    public string? Name { get; set; }

    public string? Visibility { get; set; }

    public int? RateLimitMessages { get; set; }

    public int? RateLimitSeconds { get; set; }

    public string? RateLimitMessage { get; set; }

    public bool? ShowCitations { get; set; }
}
