namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that wait for data sources to be processed (Wait-, New- and Sync-GptTrainerDataSource).
/// The API has no route for one source, so each round reads the list of every chatbot involved, once.
/// </summary>
public abstract class DataSourceWaitCmdlet : ChatbotScopedCmdlet
{
    private const int WaitProgressId = 7;
    private static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPollDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Polls until every source is in success or a failure status, or <paramref name="timeout"/> has passed,
    /// with a progress bar. Sources need their ChatbotUuid. Each result carries an error record for a source
    /// that did not succeed, about <paramref name="targetOf"/> and named in messages by <paramref name="nameOf"/>;
    /// the caller writes them, so that it can decide what a failure means for the rest of its work.
    /// </summary>
    private protected List<WaitedDataSource> WaitForProcessing(
        IReadOnlyList<DataSource> sources,
        TimeSpan timeout,
        string timeoutParameter,
        Func<DataSource, object?> targetOf,
        Func<DataSource, string> nameOf)
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
                    Poll(chatbotWaits.Key, chatbotWaits.ToList(), targetOf, nameOf);
                }

                List<WaitedDataSource> working = waits.Where(w => !w.Finished).ToList();
                ShowWaitProgress(waits.Count, working);
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
                        wait.Error = new ErrorRecord(
                            new TimeoutException($"{nameOf(wait.Source)} is still '{DisplayText.Safe(wait.Source.Status)}' after {timeout.TotalSeconds:N0} s; the service goes on processing it. Wait longer with -{timeoutParameter}, or later with Wait-GptTrainerDataSource."),
                            "WaitTimeout",
                            ErrorCategory.OperationTimeout,
                            targetOf(wait.Source));
                    }

                    return waits;
                }

                Await(Task.Delay(left < delay ? left : delay, StopToken));
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPollDelay.Ticks));
            }
        }
        finally
        {
            WriteProgress(new ProgressRecord(WaitProgressId, "Waiting for data sources to be processed", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>Waits for the sources, then writes each as last listed and an error for each that did not succeed.</summary>
    private protected void WaitAndWrite(IReadOnlyList<DataSource> sources, int timeoutSec, string timeoutParameter)
    {
        if (sources.Count == 0)
        {
            return;
        }

        foreach (WaitedDataSource wait in WaitForProcessing(sources, TimeSpan.FromSeconds(timeoutSec), timeoutParameter, s => s, Describe))
        {
            if (wait.Listed)
            {
                WriteObject(wait.Source);
            }

            if (wait.Error is not null)
            {
                WriteError(wait.Error);
            }
        }
    }

    private void Poll(string chatbot, List<WaitedDataSource> waits, Func<DataSource, object?> targetOf, Func<DataSource, string> nameOf)
    {
        List<DataSource> listed;
        try
        {
            listed = Call((api, token) => api.DataSources.ListAsync(chatbot, token));
        }
        catch (GptTrainerException ex)
        {
            // Retries are the transport's business; a list that still fails ends the wait for its chatbot's sources.
            foreach (WaitedDataSource wait in waits)
            {
                wait.Finished = true;
                wait.Error = ToErrorRecord(ex, targetOf(wait.Source));
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
                wait.Error = new ErrorRecord(
                    new ItemNotFoundException($"Chatbot {chatbot} does not list {nameOf(wait.Source)}: it was removed, or belongs to another chatbot."),
                    "DataSourceNotFound",
                    ErrorCategory.ObjectNotFound,
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
                wait.Error = new ErrorRecord(
                    new InvalidOperationException($"{nameOf(now)} failed to process (status '{DisplayText.Safe(now.Status)}'): {DataSourceStatuses.Explain(now.Status)}."),
                    "DataSourceFailed",
                    DataSourceStatuses.IsPlanLimit(now.Status) ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidData,
                    targetOf(now));
            }
        }
    }

    private void ShowWaitProgress(int total, List<WaitedDataSource> working)
    {
        if (working.Count == 0)
        {
            return;
        }

        string statuses = string.Join(", ", working.GroupBy(w => DisplayText.Safe(w.Source.Status)).Select(g => $"{g.Count()} {g.Key}"));
        WriteProgress(new ProgressRecord(WaitProgressId, "Waiting for data sources to be processed", $"{total - working.Count} of {total} done; still working: {statuses}")
        {
            PercentComplete = (total - working.Count) * 100 / total,
        });
    }

    /// <summary>How an error message names a source: by title when it has one.</summary>
    private protected static string Describe(DataSource source)
        => string.IsNullOrEmpty(source.Title)
            ? $"Data source {source.DataSourceUuid}"
            : $"Data source '{DisplayText.Safe(source.Title)}' ({source.DataSourceUuid})";
}
