namespace GptTrainer.Evaluation;

/// <summary>
/// The report for a CI step summary (GitHub's GITHUB_STEP_SUMMARY, Azure DevOps' task.uploadsummary): a
/// pass/fail line, a table with a row per case, then what each failed case answered. Every text from a case
/// or the service is escaped, so an answer can never add links, markup or table cells of its own.
/// </summary>
internal static class MarkdownReport
{
    private const int AnswerCellLength = 160;

    public static string Write(EvaluationSummary summary)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(summary.AllPassed ? "✅" : "❌").Append(" Chatbot answers: ").Append(summary.Headline).Append("\n\n");
        md.Append(Text(summary.Details)).Append("\n\n");
        md.Append("| Result | Case | Question | Answer | Cited | First piece | Duration | Runs | Failures |\n");
        md.Append("|---|---:|---|---|---|---:|---:|---:|---|\n");
        foreach (EvaluationResult result in summary.Results)
        {
            md.Append("| ").Append(result.Passed ? "✅ passed" : "❌ **failed**")
                .Append(" | ").Append(result.Case.ToString(CultureInfo.InvariantCulture)).Append(string.IsNullOrEmpty(result.Name) ? string.Empty : " " + Text(result.Name!))
                .Append(" | ").Append(Text(string.Join("\n", result.Questions)))
                .Append(" | ").Append(Text(Shortened(result.Answer ?? string.Empty)))
                .Append(" | ").Append(Text(string.Join("\n", SourceNames(result))))
                .Append(" | ").Append(EvaluationSummary.Milliseconds(result.FirstPieceMs))
                .Append(" | ").Append(EvaluationSummary.Milliseconds(result.DurationMs))
                .Append(" | ").Append(result.PassedRuns.ToString(CultureInfo.InvariantCulture)).Append('/').Append(result.Runs.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(Text(string.Join("\n", result.Failures)))
                .Append(" |\n");
        }

        foreach (EvaluationResult failed in summary.Results.Where(r => !r.Passed))
        {
            md.Append("\n### ❌ Case ").Append(failed.Case.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(Text(failed.Name ?? failed.Question)).Append("\n\n");
            foreach (string failure in failed.Failures)
            {
                md.Append("- ").Append(Text(failure)).Append('\n');
            }

            md.Append("\nAnswer");
            if (failed.SessionUuid is not null)
            {
                md.Append(" (session ").Append(Text(failed.SessionUuid)).Append(')');
            }

            md.Append(":\n\n");
            AppendVerbatim(md, string.IsNullOrEmpty(failed.Answer) ? "(empty)" : failed.Answer!);
        }

        return md.ToString();
    }

    /// <summary>
    /// A fenced block shows an answer as written, with no Markdown or HTML of its own taking effect; the fence
    /// is longer than any run of backticks in the answer, so the answer cannot close it.
    /// </summary>
    private static void AppendVerbatim(StringBuilder md, string text)
    {
        int longestRun = 0;
        int run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        string fence = new('`', Math.Max(3, longestRun + 1));
        md.Append(fence).Append("text\n");
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            md.Append(DisplayText.Safe(line.Replace("\t", "    "))).Append('\n');
        }

        md.Append(fence).Append('\n');
    }

    internal static IEnumerable<string> SourceNames(EvaluationResult result) => DistinctSources(result).Select(SourceName);

    /// <summary>Each source a result cited, once, as both reports list them.</summary>
    internal static IEnumerable<Citation> DistinctSources(EvaluationResult result)
        => result.Citations.GroupBy(c => c.DataSourceUuid ?? c.Title).Select(g => g.First());

    internal static string SourceName(Citation source) => source.Title ?? source.DataSourceUuid ?? "untitled source";

    private static string Shortened(string answer)
        => answer.Length <= AnswerCellLength ? answer : answer.Substring(0, AnswerCellLength) + "...";

    /// <summary>
    /// Text as it reads, in a table cell or after a list marker: Markdown's punctuation is escaped with a
    /// backslash (which CommonMark allows before any ASCII punctuation), and a line break becomes &lt;br&gt;.
    /// </summary>
    internal static string Text(string text)
        => string.Join("<br>", text.Replace("\r\n", "\n").Replace('\t', ' ').Split('\n').Select(EscapeLine));

    private static string EscapeLine(string line)
    {
        var escaped = new StringBuilder(line.Length + 16);
        foreach (char c in DisplayText.Safe(line))
        {
            if (MarkdownPunctuation.IndexOf(c) >= 0)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // Enough that no text can make a link, an image, emphasis, code, HTML, an entity or a table cell.
    private const string MarkdownPunctuation = "\\`*_[]<>|~&";
}
