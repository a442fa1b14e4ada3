namespace GptTrainer.Models;

/// <summary>The periods a usage report adds figures up by.</summary>
public enum UsageGrouping
{
    Day,

    /// <summary>ISO 8601 weeks, Monday to Sunday.</summary>
    Week,

    Month,

    /// <summary>One row per session.</summary>
    Session,
}
