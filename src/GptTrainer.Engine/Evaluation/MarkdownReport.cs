namespace GptTrainer.Evaluation;

/// <summary>
/// The report for a CI step summary (GitHub's GITHUB_STEP_SUMMARY, Azure DevOps' task.uploadsummary): a
/// pass/fail line, a table with a row per case, then what each failed case answered. Every text from a case
/// or the service goes through <see cref="MarkdownText"/>, so an answer can never add links, markup or table
/// cells of its own.
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
            MarkdownText.AppendCodeBlock(md, string.IsNullOrEmpty(failed.Answer) ? "(empty)" : failed.Answer!);
        }

        return md.ToString();
    }

    internal static IEnumerable<string> SourceNames(EvaluationResult result) => DistinctSources(result).Select(SourceName);

    /// <summary>Each source a result cited, once, as both reports list them.</summary>
    internal static IEnumerable<Citation> DistinctSources(EvaluationResult result)
        => result.Citations.GroupBy(c => c.DataSourceUuid ?? c.Title).Select(g => g.First());

    internal static string SourceName(Citation source) => source.Title ?? source.DataSourceUuid ?? "untitled source";

    private static string Shortened(string answer)
        => answer.Length <= AnswerCellLength ? answer : answer.Substring(0, AnswerCellLength) + "...";

    /// <summary>Text in a table cell, a heading or a list item, by the one rule for the module's Markdown.</summary>
    private static string Text(string text) => MarkdownText.Inline(text);
}
