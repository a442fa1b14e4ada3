using System.Diagnostics;
using GptTrainer.Evaluation;

namespace GptTrainer.Commands;

/// <summary>
/// Asks a chatbot the questions of a set of test cases and checks each reply: what it contains, what it
/// cites, how fast it came and how it ended. Every case is checked before any question is sent; cases run
/// several at once, each in a fresh session; one result per case, in the order given.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "GptTrainerEvaluation", SupportsShouldProcess = true)]
[OutputType(typeof(EvaluationResult))]
public sealed class InvokeGptTrainerEvaluationCommand : ApiCmdlet
{
    private const int ProgressId = 1400;

    /// <summary>Test cases: hashtables or objects, paths to .json, .csv or .psd1 files, or earlier results to run again.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] TestCase { get; set; } = Array.Empty<object>();

    /// <summary>Defaults to the current chatbot. Binds from piped chatbots, which each get every case.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>How many cases run at once; small by default, to stay well inside the service's limits.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>How many times each case runs, each time in a fresh session; replies of a language model vary.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int Repeat { get; set; } = 1;

    /// <summary>The share of its runs a case must pass, 0 to 1.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double PassThreshold { get; set; } = 1.0;

    /// <summary>A report to write when the run ends: .md for a CI step summary, .html for people.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReportPath { get; set; }

    /// <summary>The report's format when the file's extension does not say, such as GitHub's GITHUB_STEP_SUMMARY file.</summary>
    [Parameter]
    [ValidateSet("Markdown", "Html")]
    public string? ReportFormat { get; set; }

    private readonly List<TestCase> _planned = new();
    private readonly HashSet<string> _chatbotsWithCommandLineCases = new(StringComparer.Ordinal);
    private List<TestCase>? _commandLineCases;
    private bool _casesFromCommandLine;
    private int _objectCases;
    private int _problems;
    private string? _reportFile;
    private string? _reportFormat;

    private protected override void BeginApiProcessing()
    {
        // Given on the command line, the cases are the same for every piped chatbot: read and checked once.
        _casesFromCommandLine = Bound(nameof(TestCase));
        if (ReportPath is not null)
        {
            (_reportFile, _reportFormat) = ResolveReport(ReportPath);
        }

        OfferShouldOperator();
    }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        List<TestCase> cases;
        if (_casesFromCommandLine)
        {
            cases = _commandLineCases ??= Read(TestCase);
            if (!_chatbotsWithCommandLineCases.Add(chatbot))
            {
                return;
            }
        }
        else
        {
            cases = Read(TestCase);
        }

        foreach (TestCase testCase in cases)
        {
            _planned.Add(testCase with { ChatbotUuid = chatbot, Number = _planned.Count + 1 });
        }
    }

    private protected override void EndApiProcessing()
    {
        if (_problems > 0)
        {
            throw CommandEnding(new ErrorRecord(
                new InvalidOperationException($"No question was asked: {_problems} {EvaluationSummary.Plural(_problems, "problem")} with the test cases, each reported above, must be corrected first."),
                "InvalidTestCases",
                ErrorCategory.InvalidData,
                null));
        }

        // Every question opens a session, stores a message and costs credits, so -WhatIf stops here, cases checked.
        int questions = _planned.Sum(c => c.Questions.Length) * Repeat;
        string chatbots = string.Join(", ", _planned.Select(c => c.ChatbotUuid).Distinct().Select(u => KnownNames.Describe("chatbot", u)));
        if (_planned.Count == 0
            || !ShouldProcess(chatbots, $"Ask {questions} {EvaluationSummary.Plural(questions, "question")} of {_planned.Count} test {EvaluationSummary.Plural(_planned.Count, "case")}, each run in a new session"))
        {
            return;
        }

        var plan = _planned.SelectMany(c => Enumerable.Range(1, Repeat).Select(run => (Case: c, Run: run))).ToList();
        var runs = _planned.Select(_ => new EvaluationRun?[Repeat]).ToArray();
        var results = new EvaluationResult?[_planned.Count];
        int runsDone = 0;
        int casesDone = 0;
        int casesFailed = 0;
        int written = 0;
        DateTime started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        ProgressRecord Progress() => new(ProgressId, "Evaluating chatbot answers", $"{casesDone} of {_planned.Count} cases done, {casesFailed} failed")
        {
            PercentComplete = runsDone * 100 / plan.Count,
        };

        WriteProgress(Progress());

        // Runs end on worker threads; their results are gathered and written here, on the pipeline thread.
        void Finished(TestCase testCase, EvaluationRun run)
        {
            EvaluationRun?[] caseRuns = runs[testCase.Number - 1];
            caseRuns[run.Run - 1] = run;
            runsDone++;
            if (caseRuns.All(r => r is not null))
            {
                EvaluationResult result = CaseResults.Judge(testCase, caseRuns!, PassThreshold);
                results[testCase.Number - 1] = result;
                casesDone++;
                casesFailed += result.Passed ? 0 : 1;
                if (!result.Passed)
                {
                    Verbose($"Case {result.Case} failed: {string.Join(" ", result.Failures)}");
                }
            }

            WriteProgress(Progress());

            // In the order given, each as soon as it and every case before it are done.
            while (written < results.Length && results[written] is EvaluationResult next)
            {
                WriteObject(next);
                written++;
            }
        }

        var runner = new EvaluationRunner(Api, ThrottleLimit, static (error, target) => ToErrorRecord(error, target));

        // Ctrl+C cancels the runs; so does leaving early for any other reason, such as Select-Object -First
        // having what it wanted, so that no question goes on being asked for a command that is over.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        try
        {
            Await(runner.RunAsync(plan, (testCase, run) => QueueWrite(() => Finished(testCase, run)), abandon.Token));
        }
        finally
        {
            abandon.Cancel();
            ProgressRecord done = Progress();
            done.RecordType = ProgressRecordType.Completed;
            WriteProgress(done);
        }

        if (_reportFile is not null)
        {
            WriteReport(new EvaluationSummary(results!, started, clock.Elapsed, ThrottleLimit, Repeat, PassThreshold, KnownNames.Of(results!.Select(r => r!.ChatbotUuid))));
        }
    }

    /// <summary>The checked cases among the inputs; each problem is written as an error and counted.</summary>
    private List<TestCase> Read(object[] inputs)
    {
        var cases = new List<TestCase>();
        var problems = new List<ErrorRecord>();
        foreach (object input in inputs)
        {
            var raw = new List<RawTestCase>();
            try
            {
                object? value = PowerShellValues.Unwrap(input);
                if (value is string or FileInfo)
                {
                    string path = value is FileInfo file ? file.FullName : (string)value;
                    foreach (string found in ResolveFiles(new[] { path }, literal: value is FileInfo, nameof(TestCase)))
                    {
                        raw.AddRange(TestCaseFile.Read(found));
                    }
                }
                else if (value is not null)
                {
                    raw.Add(TestCaseReader.FromObject(input, ++_objectCases));
                }
            }
            catch (InputException ex)
            {
                problems.Add(ex.ErrorRecord);
            }

            foreach (RawTestCase testCase in raw)
            {
                if (TestCaseReader.Check(testCase, problems) is TestCase ready)
                {
                    cases.Add(ready);
                }
            }
        }

        foreach (ErrorRecord problem in problems)
        {
            WriteError(problem);
        }

        _problems += problems.Count;
        return cases;
    }

    /// <summary>The report's file and format, refused before any question when either cannot be used.</summary>
    private (string File, string Format) ResolveReport(string path)
    {
        string file = FileSystemPaths.Literal(SessionState, path, "ReportFolderNotFound");
        string? format = ReportFormat ?? System.IO.Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".md" or ".markdown" => "Markdown",
            ".html" or ".htm" => "Html",
            _ => null,
        };

        if (format is null)
        {
            throw CommandEnding(InputError(
                "UnknownReportFormat",
                $"-ReportPath '{path}' does not end in .md or .html, so the report's format is unknown; add -ReportFormat Markdown or Html.",
                ErrorCategory.InvalidArgument,
                path));
        }

        string? folder = System.IO.Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw CommandEnding(new ErrorRecord(
                new DirectoryNotFoundException($"-ReportPath '{path}' is in a folder that does not exist: {folder}."),
                "ReportFolderNotFound",
                ErrorCategory.ObjectNotFound,
                path));
        }

        return (file, format!);
    }

    private void WriteReport(EvaluationSummary summary)
    {
        try
        {
            CaseResults.WriteReport(_reportFile!, _reportFormat!, summary);
            Verbose($"Wrote the {_reportFormat} report to {_reportFile}.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            WriteError(new ErrorRecord(
                new IOException($"The report could not be written to {_reportFile}: {ex.Message}", ex),
                "ReportNotWritten",
                ErrorCategory.WriteError,
                ReportPath));
        }
    }
}
