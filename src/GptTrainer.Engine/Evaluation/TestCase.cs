using System.Collections.Specialized;
using System.Text.RegularExpressions;

namespace GptTrainer.Evaluation;

/// <summary>A checked test case, ready to run: every value is known to be usable before any question is sent.</summary>
internal sealed record TestCase
{
    public string? Name { get; init; }

    public string[] Questions { get; init; } = Array.Empty<string>();

    public string[] Contains { get; init; } = Array.Empty<string>();

    public string[] NotContains { get; init; } = Array.Empty<string>();

    public Regex[] Match { get; init; } = Array.Empty<Regex>();

    public string[] CitesSource { get; init; } = Array.Empty<string>();

    public double? MaxFirstPieceMs { get; init; }

    public double? MaxDurationMs { get; init; }

    public string? FinishReason { get; init; }

    /// <summary>The case as given, field names as the user wrote them.</summary>
    public OrderedDictionary Definition { get; init; } = new();

    public string? Source { get; init; }

    /// <summary>Set when the case is planned: its place among all cases and the chatbot it asks.</summary>
    public int Number { get; init; }

    public string ChatbotUuid { get; init; } = string.Empty;

    public string LastQuestion => Questions[Questions.Length - 1];
}
