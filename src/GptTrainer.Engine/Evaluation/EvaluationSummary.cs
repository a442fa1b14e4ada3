namespace GptTrainer.Evaluation;

/// <summary>What a report says about a whole evaluation: its results, and how and when it ran.</summary>
/// <param name="ChatbotNames">The names of the chatbots asked, where known, for the report's details.</param>
internal sealed record EvaluationSummary(IReadOnlyList<EvaluationResult> Results, DateTime StartedUtc, TimeSpan Elapsed, int ThrottleLimit, int Repeat, double PassThreshold, IReadOnlyDictionary<string, string> ChatbotNames)
{
    public int PassedCount => Results.Count(r => r.Passed);

    public int FailedCount => Results.Count - PassedCount;

    public bool AllPassed => FailedCount == 0;

    /// <summary>"3 of 4 cases passed, 1 failed"; the line a CI summary leads with.</summary>
    public string Headline => AllPassed
        ? $"{PassedCount} of {Results.Count} {Plural(Results.Count, "case")} passed"
        : $"{PassedCount} of {Results.Count} {Plural(Results.Count, "case")} passed, {FailedCount} failed";

    /// <summary>"chatbot 'Support' (b29325ca...), 4 at once, 1 run each, 12.3 s, started 2026-11-26 10:00:00 UTC".</summary>
    public string Details
    {
        get
        {
            string chatbots = string.Join(", ", Results.Select(r => r.ChatbotUuid).Where(u => u is not null).Distinct().Select(u => DisplayText.Item("chatbot", u!, ChatbotNames.TryGetValue(u!, out string? name) ? name : null)));
            string runs = Repeat == 1 ? "1 run each" : $"{Repeat} runs each, passing at a share of {PassThreshold.ToString("0.##", CultureInfo.InvariantCulture)}";
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0}; {1} at once; {2}; {3:0.0##} s; started {4:yyyy-MM-dd HH:mm:ss} UTC",
                chatbots,
                ThrottleLimit,
                runs,
                Elapsed.TotalSeconds,
                StartedUtc);
        }
    }

    public static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    public static string Milliseconds(double? ms) => ms is double value ? value.ToString("#,0", CultureInfo.InvariantCulture) + " ms" : "-";
}
