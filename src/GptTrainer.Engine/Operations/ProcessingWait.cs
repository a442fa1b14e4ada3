namespace GptTrainer.Operations;

/// <summary>
/// Waits for data sources to be processed (New-, Wait- and Sync-GptTrainerDataSource). The API has no route
/// for one source, so each round reads the list of every chatbot involved, once, with a growing pause.
/// </summary>
internal sealed class ProcessingWait(GptTrainerApi api, IOperationHost host)
{
    private const int ProgressId = 7;
    private const string Activity = "Waiting for data sources to be processed";
    private static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPollDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Polls until every source is in success or a failure status, or <paramref name="timeout"/> has passed,
    /// with progress. Sources need their ChatbotUuid. Each result carries an error for a source that did not
    /// succeed, about <paramref name="targetOf"/> and named in messages by <paramref name="nameOf"/>; the caller
    /// reports them, so that it can decide what a failure means for the rest of its work.
    /// </summary>
    public async Task<List<WaitedDataSource>> RunAsync(
        IReadOnlyList<DataSource> sources,
        TimeSpan timeout,
        string timeoutParameter,
        Func<DataSource, object?> targetOf,
        Func<DataSource, string> nameOf,
        CancellationToken cancellationToken)
    {
        var waits = sources.Select(s => new WaitedDataSource(s)).ToList();
        DateTime deadline = DateTime.UtcNow + timeout;
        TimeSpan delay = FirstPollDelay;
        try
        {
            while (true)
            {
                foreach (var chatbotWaits in waits.Where(w => !w.Finished).GroupBy(w => w.Source.ChatbotUuid ?? string.Empty).ToList())
                {
                    await PollAsync(chatbotWaits.Key, chatbotWaits.ToList(), targetOf, nameOf, cancellationToken).ConfigureAwait(false);
                }

                List<WaitedDataSource> working = waits.Where(w => !w.Finished).ToList();
                ShowProgress(waits.Count, working);
                if (working.Count == 0)
                {
                    return waits;
                }

                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    foreach (WaitedDataSource wait in working)
                    {
                        wait.Finished = true;
                        wait.Error = new OperationError(
                            new TimeoutException($"{nameOf(wait.Source)} is still '{DisplayText.Safe(wait.Source.Status)}' after {timeout.TotalSeconds:N0} s; the service goes on processing it. Wait longer with -{timeoutParameter}, or later with Wait-GptTrainerDataSource."),
                            "WaitTimeout",
                            ErrorKind.OperationTimeout,
                            targetOf(wait.Source));
                    }

                    return waits;
                }

                await Task.Delay(left < delay ? left : delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPollDelay.Ticks));
            }
        }
        finally
        {
            host.Progress(new ProgressReport(ProgressId, Activity, "Done", Completed: true));
        }
    }

    /// <summary>How an error message names a source: by title when it has one.</summary>
    public static string Describe(DataSource source)
        => string.IsNullOrEmpty(source.Title)
            ? $"Data source {source.DataSourceUuid}"
            : $"Data source '{DisplayText.Safe(source.Title)}' ({source.DataSourceUuid})";

    private async Task PollAsync(string chatbot, List<WaitedDataSource> waits, Func<DataSource, object?> targetOf, Func<DataSource, string> nameOf, CancellationToken cancellationToken)
    {
        List<DataSource> listed;
        try
        {
            listed = await api.DataSources.ListAsync(chatbot, cancellationToken).ConfigureAwait(false);
        }
        catch (GptTrainerException ex)
        {
            // Retries are the transport's business; a list that still fails ends the wait for its chatbot's sources.
            foreach (WaitedDataSource wait in waits)
            {
                wait.Finished = true;
                wait.Error = OperationError.From(ex, targetOf(wait.Source));
            }

            return;
        }

        var byUuid = new Dictionary<string, DataSource>(StringComparer.Ordinal);
        foreach (DataSource source in listed)
        {
            byUuid[source.DataSourceUuid] = source;
        }

        foreach (WaitedDataSource wait in waits)
        {
            if (!byUuid.TryGetValue(wait.Source.DataSourceUuid, out DataSource? now))
            {
                wait.Finished = true;
                wait.Error = new OperationError(
                    new InvalidOperationException($"Chatbot {chatbot} does not list {nameOf(wait.Source)}: it was removed, or belongs to another chatbot."),
                    "DataSourceNotFound",
                    ErrorKind.ObjectNotFound,
                    targetOf(wait.Source));
                continue;
            }

            wait.Source = now;
            wait.Listed = true;
            if (DataSourceStatuses.IsSucceeded(now.Status))
            {
                wait.Finished = true;
            }
            else if (DataSourceStatuses.IsFailed(now.Status))
            {
                wait.Finished = true;
                wait.Error = new OperationError(
                    new InvalidOperationException($"{nameOf(now)} failed to process (status '{DisplayText.Safe(now.Status)}'): {DataSourceStatuses.Explain(now.Status)}."),
                    "DataSourceFailed",
                    DataSourceStatuses.IsPlanLimit(now.Status) ? ErrorKind.LimitsExceeded : ErrorKind.InvalidData,
                    targetOf(now));
            }
        }
    }

    private void ShowProgress(int total, List<WaitedDataSource> working)
    {
        if (working.Count == 0)
        {
            return;
        }

        string statuses = string.Join(", ", working.GroupBy(w => DisplayText.Safe(w.Source.Status)).Select(g => $"{g.Count()} {g.Key}"));
        host.Progress(new ProgressReport(ProgressId, Activity, $"{total - working.Count} of {total} done; still working: {statuses}", (total - working.Count) * 100 / total));
    }
}
