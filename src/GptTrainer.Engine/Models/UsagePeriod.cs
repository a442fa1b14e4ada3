namespace GptTrainer.Models;

/// <summary>
/// A chatbot's use in one period (a day, a week, a month) or one session: conversations, messages, what went
/// wrong, what users thought of the answers, and an estimate of the credits the messages cost.
/// </summary>
public sealed class UsagePeriod
{
    public string? ChatbotUuid { get; set; }

    public UsageGrouping GroupBy { get; set; }

    /// <summary>The period's name: 2025-03-01, 2025-W09 (ISO week), 2025-03, or the session's uuid.</summary>
    public string Period { get; set; } = string.Empty;

    /// <summary>With -GroupBy Session, the session's uuid, so that a row can be piped to Get-GptTrainerMessage.</summary>
    public string? SessionUuid { get; set; }

    /// <summary>When the period begins, local time; for a session, when it was created.</summary>
    public DateTime? Start { get; set; }

    /// <summary>When the next period begins (local time); none for a session.</summary>
    public DateTime? End { get; set; }

    /// <summary>Sessions created in the period.</summary>
    public int Sessions { get; set; }

    /// <summary>Messages (a question and its answer) created in the period.</summary>
    public int Messages { get; set; }

    /// <summary>Answers cut short by the model's token limit (finish_reason "length").</summary>
    public int CutShort { get; set; }

    /// <summary>Messages that carry an error message.</summary>
    public int Errors { get; set; }

    /// <summary>Messages in which the service detected the user's frustration.</summary>
    public int Frustrations { get; set; }

    /// <summary>Answers the user rated up.</summary>
    public int RatingsUp { get; set; }

    /// <summary>Answers the user rated down.</summary>
    public int RatingsDown { get; set; }

    /// <summary>An estimate, not the service's bill: Messages times CreditsPerMessage; null when no price is known.</summary>
    public long? EstimatedCredits { get; set; }

    /// <summary>The price each message is estimated at: that of PricedModel, from the model costs.</summary>
    public long? CreditsPerMessage { get; set; }

    /// <summary>The model whose price the estimate uses: that of the chatbot's user-facing agent.</summary>
    public string? PricedModel { get; set; }

    /// <summary>How the estimate was made, in a sentence.</summary>
    public string? PriceBasis { get; set; }

    public override string ToString() => Period;
}
