using System.Diagnostics;

namespace GptTrainer.Evaluation;

/// <summary>
/// Runs test cases against the service, at most a given number at once, all through the process's one
/// connection pool. Each run asks in a fresh session; a run whose request fails is a failed run carrying the
/// error, never the end of the others. Questions go through the module's retry rules, so a question is sent
/// again only when the service refused it before answering (429, 503), after the wait it asked for.
/// </summary>
internal sealed class EvaluationRunner
{
    private readonly GptTrainerApi _api;
    private readonly int _throttleLimit;
    private readonly Func<Exception, object?, object> _errorOf;

    /// <param name="errorOf">
    /// What a failed run carries as its <see cref="EvaluationRun.Error"/>: the host's form of the failure and
    /// the value it is about (the module makes it an error record).
    /// </param>
    public EvaluationRunner(GptTrainerApi api, int throttleLimit, Func<Exception, object?, object> errorOf)
    {
        _api = api;
        _throttleLimit = throttleLimit;
        _errorOf = errorOf;
        api.Client.AllowParallelRequests(throttleLimit);
    }

    /// <summary>Runs the plan in order, <c>finished</c> called from a worker thread as each run ends.</summary>
    public Task RunAsync(IReadOnlyList<(TestCase Case, int Run)> plan, Action<TestCase, EvaluationRun> finished, CancellationToken cancellationToken)
    {
        int next = -1;
        async Task Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                (TestCase testCase, int run) = plan[index];
                finished(testCase, await RunOnceAsync(testCase, run, cancellationToken).ConfigureAwait(false));
            }
        }

        return Task.WhenAll(Enumerable.Range(0, Math.Min(_throttleLimit, plan.Count)).Select(_ => Task.Run(Work, cancellationToken)));
    }

    private async Task<EvaluationRun> RunOnceAsync(TestCase testCase, int number, CancellationToken cancellationToken)
    {
        var run = new EvaluationRun { Run = number };
        var answer = new StringBuilder();
        string step = "opening a session";
        string? asking = null;
        try
        {
            Session session = await _api.Sessions.CreateAsync(testCase.ChatbotUuid, null, cancellationToken).ConfigureAwait(false);
            run.SessionUuid = session.SessionUuid;
            for (int i = 0; i < testCase.Questions.Length; i++)
            {
                asking = testCase.Questions[i];
                step = testCase.Questions.Length == 1 ? "asking the question" : $"asking question {i + 1} of {testCase.Questions.Length}";
                answer.Clear();
                await AskAsync(run, session.SessionUuid, asking, answer, cancellationToken).ConfigureAwait(false);
            }

            step = "reading the stored message";
            Message? stored = await _api.Messages.FindStoredAsync(session.SessionUuid, testCase.LastQuestion, cancellationToken).ConfigureAwait(false);
            run.Answer = answer.ToString();
            run.Citations = stored?.Citations ?? Array.Empty<Citation>();
            run.FinishReason = stored?.FinishReason;
            run.MessageUuid = stored?.MessageUuid;
            run.Failures = AnswerChecks.Failures(testCase, run, stored is not null).ToArray();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // What arrived of the reply being read stays with the run, so the failure can be judged by it.
            run.Answer = answer.ToString();
            run.Error = _errorOf(ex, asking ?? testCase.ChatbotUuid);
            string id = ex is GptTrainerException known ? known.ErrorId : "UnexpectedFailure";
            run.Failures = new[] { $"Request: {step} failed ({id}): {ex.Message}" };
        }

        run.Passed = run.Failures.Length == 0;
        return run;
    }

    /// <summary>Asks one question and reads its whole reply, timed from the attempt that was answered.</summary>
    private async Task AskAsync(EvaluationRun run, string sessionUuid, string question, StringBuilder answer, CancellationToken cancellationToken)
    {
        run.FirstPieceMs = null;
        run.DurationMs = null;
        using ReplyReader reader = await _api.Messages.StreamAsync(sessionUuid, question, cancellationToken).ConfigureAwait(false);
        long? first = null;
        string? piece;
        while ((piece = await reader.ReadPieceAsync().ConfigureAwait(false)) is not null)
        {
            first ??= Stopwatch.GetTimestamp();
            answer.Append(piece);

            // An answer is kept whole for its checks.
            reader.EnsureJoinedWithin(static received => $"the first {received} bytes are kept as the answer, and the rest was not read");
        }

        long end = Stopwatch.GetTimestamp();
        run.FirstPieceMs = first is long firstAt ? Milliseconds(firstAt - reader.SentAt) : null;
        run.DurationMs = Milliseconds(end - reader.SentAt);
    }

    private static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 1);
}
