namespace GptTrainer.Evaluation;

/// <summary>What an evaluation makes of its runs: one result per case, and the report of them all.</summary>
internal static class CaseResults
{
    /// <summary>
    /// A case's result from its runs: passed when at least -passThreshold of them passed, counted in whole runs,
    /// and showing the run that explains it.
    /// </summary>
    public static EvaluationResult Judge(TestCase testCase, EvaluationRun[] caseRuns, double passThreshold)
    {
        int passedRuns = caseRuns.Count(r => r.Passed);

        // A share of the runs, counted in whole runs: 0.8 of 5 runs is 4.
        int needed = (int)Math.Ceiling((passThreshold * caseRuns.Length) - 1e-9);
        bool passed = passedRuns >= needed;
        // What the result shows is a run that explains it: the first failed run of a failed case, the last passing run of a passed one.
        EvaluationRun shown = (passed ? caseRuns.LastOrDefault(r => r.Passed) : caseRuns.FirstOrDefault(r => !r.Passed)) ?? caseRuns[caseRuns.Length - 1];
        string[] failures = passed
            ? Array.Empty<string>()
            : caseRuns.Length == 1
                ? shown.Failures
                : new[] { $"Passed {passedRuns} of {caseRuns.Length} runs, fewer than the {needed} that -passThreshold {passThreshold.ToString("0.###", CultureInfo.InvariantCulture)} asks for." }
                    .Concat(caseRuns.Where(r => !r.Passed).SelectMany(r => r.Failures.Select(f => $"Run {r.Run}: {f}")))
                    .ToArray();

        return new EvaluationResult
        {
            Case = testCase.Number,
            Name = testCase.Name,
            Question = testCase.LastQuestion,
            Questions = testCase.Questions,
            ChatbotUuid = testCase.ChatbotUuid,
            Passed = passed,
            Failures = failures,
            Answer = shown.Answer,
            Citations = shown.Citations,
            FinishReason = shown.FinishReason,
            FirstPieceMs = shown.FirstPieceMs,
            DurationMs = shown.DurationMs,
            SessionUuid = shown.SessionUuid,
            Runs = caseRuns.Length,
            PassedRuns = passedRuns,
            Error = shown.Error,
            RunResults = caseRuns,
            TestCase = testCase.Definition,
            Source = testCase.Source,
        };
    }

    /// <summary>Writes the report of a whole evaluation as Markdown or HTML, in UTF-8 without a byte order mark.</summary>
    public static void WriteReport(string file, string format, EvaluationSummary summary)
    {
        string text = format == "Html" ? HtmlReport.Write(summary) : MarkdownReport.Write(summary);
        File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
