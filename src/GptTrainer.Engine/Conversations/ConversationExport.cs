using GptTrainer.Operations;

namespace GptTrainer.Conversations;

/// <summary>
/// Exports a chatbot's conversations (Export-GptTrainerConversation): one record per message, written to the
/// file as each session's messages arrive, sessions read -ThrottleLimit at a time. With a state, only what is
/// new since the state was written. A session that cannot be read is an error about it alone; a file that
/// cannot be written ends the export.
/// </summary>
internal sealed class ConversationExport(GptTrainerApi api, IOperationHost host, ConversationOptions options)
{
    private const int ProgressId = 9;
    private const string Activity = "Exporting conversations";

    private readonly object _gate = new();
    private readonly List<string> _exported = new();
    private int _done;
    private int _failed;

    /// <param name="file">
    /// The file, opened only once the sessions are listed: a chatbot that cannot be listed (a wrong uuid) leaves
    /// an earlier export at that path as it was.
    /// </param>
    /// <remarks>
    /// The state is saved whatever happens, Ctrl+C included, for exactly the sessions whose records reached the
    /// file, so that the next run neither misses nor repeats them.
    /// </remarks>
    public async Task<ConversationExportResult> RunAsync(Func<ConversationFile> file, ConversationFormat format, ExportState? state, CancellationToken cancellationToken)
    {
        DateTime started = DateTime.Now;
        List<Session> sessions = await options.SessionsAsync(api, cancellationToken).ConfigureAwait(false);
        return await RunAsync(file(), format, state, sessions, started, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ConversationExportResult> RunAsync(ConversationFile file, ConversationFormat format, ExportState? state, List<Session> sessions, DateTime started, CancellationToken cancellationToken)
    {
        var result = new ConversationExportResult { ChatbotUuid = options.ChatbotUuid, Path = file.Path, Format = format, StatePath = state?.Path, StartedAt = started };
        long before = file.Records;
        result.SessionsFound = sessions.Count;
        ShowProgress(sessions.Count, file);
        api.Client.AllowParallelRequests(options.ThrottleLimit);

        // A file that cannot be written stops every worker: nothing after it could be kept.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        LocalFileException? notWritten = null;
        try
        {
            await Throttled.ForEachAsync(sessions, options.ThrottleLimit, async (session, _) =>
            {
                try
                {
                    await ExportAsync(session, file, state, stop.Token).ConfigureAwait(false);
                }
                catch (LocalFileException ex)
                {
                    lock (_gate)
                    {
                        notWritten ??= ex;
                    }

                    stop.Cancel();
                }
                catch (GptTrainerException ex) when (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failed);
                    host.Error(OperationError.From(ex, session.SessionUuid, $"Could not export session {session.SessionUuid}; nothing of it was written: {ex.Message}"));
                }

                Interlocked.Increment(ref _done);
                ShowProgress(sessions.Count, file);
            }, stop.Token).ConfigureAwait(false);
        }
        catch (Exception) when (notWritten is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped because of the file (the workers' requests end as cancelled, in whatever form); reported below.
        }
        finally
        {
            if (state is not null)
            {
                if (options.Sessions is null && notWritten is null && !stop.IsCancellationRequested)
                {
                    state.ForgetRemoved(sessions.Select(s => s.SessionUuid), options.CreatedAfter, options.CreatedBefore);
                }

                state.Save(DateTime.Now);
            }

            host.Progress(new ProgressReport(ProgressId, Activity, "Done", Completed: true));
        }

        if (notWritten is not null)
        {
            throw notWritten;
        }

        result.SessionsExported = _exported.Count;
        result.SessionUuids = _exported.ToArray();
        result.Messages = file.Records - before;
        result.SessionsFailed = _failed;
        result.FinishedAt = DateTime.Now;
        host.Information(Summary(result), "GptTrainerExportSummary");
        return result;
    }

    /// <summary>One session: its meta if not known yet, its messages, and the records of those not exported before.</summary>
    private async Task ExportAsync(Session session, ConversationFile file, ExportState? state, CancellationToken cancellationToken)
    {
        Session full = session.Meta is null
            ? await api.Sessions.GetAsync(session.SessionUuid, session.ChatbotUuid ?? options.ChatbotUuid, cancellationToken).ConfigureAwait(false)
            : session;
        List<Message> messages = await api.Messages.ListAsync(session.SessionUuid, cancellationToken).ConfigureAwait(false);
        List<Message> fresh = state?.NewMessages(full, messages) ?? messages;
        if (fresh.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            file.Write(fresh.Select(m => ConversationRecord.From(full, m, full.ChatbotUuid ?? options.ChatbotUuid)).ToList());
            _exported.Add(full.SessionUuid);
        }

        state?.Advance(full, fresh);
    }

    private void ShowProgress(int total, ConversationFile file)
    {
        int done = Volatile.Read(ref _done);
        host.Progress(new ProgressReport(ProgressId, Activity, $"{done} of {total} sessions, {file.Records} messages written", total == 0 ? 100 : done * 100 / total));
    }

    private static string Summary(ConversationExportResult result)
    {
        string failed = result.SessionsFailed > 0 ? $", {result.SessionsFailed} could not be read" : string.Empty;
        string incremental = result.StatePath is null ? string.Empty : $"; only what is new since the state in {result.StatePath}";
        return $"Exported {result.Messages} messages of {result.SessionsExported} sessions ({result.SessionsFound} found{failed}) of chatbot {result.ChatbotUuid} to {result.Path}{incremental}.";
    }
}
