using GptTrainer.Operations;

namespace GptTrainer.Conversations;

/// <summary>
/// Finds the sessions about a person (Get-GptTrainerSession -User) and gives sessions what an export needs of
/// them. The reference shows meta (lead form, identity) on a fetched session only, and the chatbot's list
/// answers the three basic fields, so a listed session without meta is fetched to see whether it has any: a
/// session left out because its list entry was short would be an access request answered wrongly.
/// </summary>
internal static class SessionSearch
{
    private const int ProgressId = 8;
    private const string Activity = "Reading sessions";

    /// <summary>
    /// The sessions, in the order given, each with its meta: as given when it has one, else fetched (at most
    /// <paramref name="throttleLimit"/> at once). A session that cannot be fetched is reported and left out.
    /// </summary>
    public static async Task<List<Session>> WithPeopleAsync(GptTrainerApi api, IOperationHost host, IReadOnlyList<Session> sessions, int throttleLimit, CancellationToken cancellationToken)
    {
        var complete = new Session?[sessions.Count];
        int toFetch = sessions.Count(s => s.Meta is null);
        int fetched = 0;
        api.Client.AllowParallelRequests(throttleLimit);
        try
        {
            await Throttled.ForEachAsync(sessions, throttleLimit, async (session, index) =>
            {
                if (session.Meta is not null)
                {
                    complete[index] = session;
                    return;
                }

                try
                {
                    complete[index] = await api.Sessions.GetAsync(session.SessionUuid, session.ChatbotUuid, cancellationToken).ConfigureAwait(false);
                }
                catch (GptTrainerException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    host.Error(OperationError.From(ex, session.SessionUuid, $"Could not read session {session.SessionUuid}, so whether it is about the person is not known: {ex.Message}"));
                }

                int done = Interlocked.Increment(ref fetched);
                host.Progress(new ProgressReport(ProgressId, Activity, $"{done} of {toFetch} sessions read", done * 100 / toFetch));
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            host.Progress(new ProgressReport(ProgressId, Activity, "Done", Completed: true));
        }

        return complete.Where(s => s is not null).Cast<Session>().ToList();
    }

    /// <summary>The sessions whose lead form or verified identity holds one of <paramref name="people"/> (see <see cref="SessionPeople.Matches"/>).</summary>
    public static async Task<List<Session>> OfPeopleAsync(GptTrainerApi api, IOperationHost host, IReadOnlyList<Session> sessions, IReadOnlyCollection<string> people, int throttleLimit, CancellationToken cancellationToken)
        => (await WithPeopleAsync(api, host, sessions, throttleLimit, cancellationToken).ConfigureAwait(false)).Where(s => SessionPeople.Matches(s, people)).ToList();
}
