using System.Text.RegularExpressions;

namespace GptTrainer.Evaluation;

/// <summary>
/// The checks of a test case on one run's last reply. Each failure is one sentence that names the check
/// and says what was seen, so a CI log shows why without re-running anything.
/// </summary>
internal static class AnswerChecks
{
    private const int SnippetLength = 120;

    public static List<string> Failures(TestCase testCase, EvaluationRun run, bool storedMessageFound)
    {
        var failures = new List<string>();
        string answer = run.Answer ?? string.Empty;

        foreach (string wanted in testCase.Contains.Where(w => answer.IndexOf(w, StringComparison.OrdinalIgnoreCase) < 0))
        {
            failures.Add($"Contains: the answer does not contain '{Shown(wanted)}'; {Reads(answer)}.");
        }

        foreach (string unwanted in testCase.NotContains)
        {
            int at = answer.IndexOf(unwanted, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                failures.Add($"NotContains: the answer contains '{Shown(unwanted)}', in \"{Snippet(answer, at)}\".");
            }
        }

        foreach (Regex pattern in testCase.Match)
        {
            try
            {
                if (!pattern.IsMatch(answer))
                {
                    failures.Add($"Match: the answer does not match /{Shown(pattern.ToString())}/; {Reads(answer)}.");
                }
            }
            catch (RegexMatchTimeoutException)
            {
                failures.Add($"Match: /{Shown(pattern.ToString())}/ took longer than {pattern.MatchTimeout.TotalSeconds:0.#} s on the answer, so it counts as not matching.");
            }
        }

        if (testCase.CitesSource.Length > 0)
        {
            string[] missing = testCase.CitesSource.Where(w => !CitedSources.Cite(run.Citations, w)).ToArray();
            if (!storedMessageFound)
            {
                failures.Add($"CitesSource: the session lists no stored message for the question, so what it cited is unknown.");
            }
            else if (missing.Length > 0)
            {
                failures.Add($"CitesSource: the reply does not cite {CitedSources.List(missing)}; it cites {CitedSources.Describe(run.Citations)}.");
            }
        }

        if (testCase.MaxFirstPieceMs is double firstLimit)
        {
            if (run.FirstPieceMs is not double first)
            {
                failures.Add("MaxFirstPieceMs: the reply was empty, so no first piece ever arrived.");
            }
            else if (first > firstLimit)
            {
                failures.Add($"MaxFirstPieceMs: the first piece took {EvaluationSummary.Milliseconds(first)}, more than the {EvaluationSummary.Milliseconds(firstLimit)} allowed.");
            }
        }

        if (testCase.MaxDurationMs is double durationLimit && run.DurationMs is double duration && duration > durationLimit)
        {
            failures.Add($"MaxDurationMs: the reply took {EvaluationSummary.Milliseconds(duration)}, more than the {EvaluationSummary.Milliseconds(durationLimit)} allowed.");
        }

        if (testCase.FinishReason is string expected)
        {
            if (!storedMessageFound)
            {
                failures.Add("FinishReason: the session lists no stored message for the question, so how the reply ended is unknown.");
            }
            else if (!string.Equals(run.FinishReason, expected, StringComparison.OrdinalIgnoreCase))
            {
                string seen = run.FinishReason is null ? "no finish reason" : $"'{Shown(run.FinishReason)}'";
                failures.Add($"FinishReason: the reply ended with {seen}, not '{Shown(expected)}'.");
            }
        }

        return failures;
    }

    private static string Reads(string answer) => answer.Length == 0 ? "the answer is empty" : $"it reads \"{Snippet(answer, 0)}\"";

    private static string Shown(string text) => DisplayText.Safe(text);

    /// <summary>Up to 120 characters of the answer on one line, around <paramref name="at"/>, marked where cut.</summary>
    internal static string Snippet(string answer, int at)
    {
        int start = Math.Max(0, Math.Min(at - 40, answer.Length - SnippetLength));
        int length = Math.Min(SnippetLength, answer.Length - start);
        string text = Regex.Replace(answer.Substring(start, length), @"\s+", " ");
        return (start > 0 ? "..." : string.Empty) + DisplayText.Safe(text) + (start + length < answer.Length ? "..." : string.Empty);
    }
}
