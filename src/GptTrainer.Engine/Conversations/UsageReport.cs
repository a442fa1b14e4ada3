using GptTrainer.Operations;

namespace GptTrainer.Conversations;

/// <summary>
/// A chatbot's use by period (Get-GptTrainerUsage): sessions counted in the period they were created, messages
/// in the period they were created (a session that goes on past midnight counts its later messages the next
/// day), each message's finish reason, error, frustration and rating, and the credits estimated from the model
/// price of the user-facing agent. Reads the sessions' list once and each session's messages -ThrottleLimit at a
/// time, keeping only the counts.
/// </summary>
internal sealed class UsageReport(GptTrainerApi api, IOperationHost host, ConversationOptions options, UsageGrouping groupBy, TimeZoneInfo zone)
{
    private const int ProgressId = 10;
    private const string Activity = "Reading usage";

    private readonly Dictionary<string, UsagePeriod> _periods = new(StringComparer.Ordinal);
    private int _done;
    private int _failed;

    /// <summary>The periods with anything in them, oldest first.</summary>
    public async Task<List<UsagePeriod>> RunAsync(CancellationToken cancellationToken)
    {
        Task<UsagePrice> pricing = UsagePrice.ForChatbotAsync(api, options.ChatbotUuid, cancellationToken);
        List<Session> sessions = await options.SessionsAsync(api, cancellationToken).ConfigureAwait(false);
        foreach (Session session in sessions)
        {
            PeriodOf(session, session.CreatedAt).Sessions++;
        }

        api.Client.AllowParallelRequests(options.ThrottleLimit);
        try
        {
            await Throttled.ForEachAsync(sessions, options.ThrottleLimit, async (session, _) =>
            {
                try
                {
                    List<Message> messages = await api.Messages.ListAsync(session.SessionUuid, cancellationToken).ConfigureAwait(false);
                    lock (_periods)
                    {
                        foreach (Message message in messages)
                        {
                            Count(PeriodOf(session, message.CreatedAt ?? session.CreatedAt), message);
                        }
                    }
                }
                catch (GptTrainerException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failed);
                    host.Error(OperationError.From(ex, session.SessionUuid, $"Could not read the messages of session {session.SessionUuid}; they are not counted: {ex.Message}"));
                }

                int done = Interlocked.Increment(ref _done);
                host.Progress(new ProgressReport(ProgressId, Activity, $"{done} of {sessions.Count} sessions read", done * 100 / sessions.Count));
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            host.Progress(new ProgressReport(ProgressId, Activity, "Done", Completed: true));
        }

        UsagePrice price = await pricing.ConfigureAwait(false);
        foreach (string warning in price.Warnings)
        {
            host.Warning(warning);
        }

        List<UsagePeriod> rows = _periods.Values.OrderBy(p => p.Start ?? DateTime.MaxValue).ThenBy(p => p.Period, StringComparer.Ordinal).ToList();
        foreach (UsagePeriod row in rows)
        {
            row.CreditsPerMessage = price.CreditsPerMessage;
            row.PricedModel = price.Model;
            row.PriceBasis = price.Basis;
            row.EstimatedCredits = row.Messages * price.CreditsPerMessage;
        }

        host.Information(Summary(rows, sessions.Count, price), "GptTrainerUsageSummary");
        return rows;
    }

    private static void Count(UsagePeriod period, Message message)
    {
        period.Messages++;
        period.CutShort += message.FinishReason == "length" ? 1 : 0;
        period.Errors += string.IsNullOrWhiteSpace(message.ErrorMessage) ? 0 : 1;
        period.Frustrations += string.IsNullOrWhiteSpace(message.DetectedFrustrations) ? 0 : 1;
        string? rating = Rating.Of(message.Feedback);
        period.RatingsUp += rating == Rating.Up ? 1 : 0;
        period.RatingsDown += rating == Rating.Down ? 1 : 0;
    }

    /// <summary>The row a time of a session counts in, made when first needed.</summary>
    private UsagePeriod PeriodOf(Session session, DateTime? time)
    {
        (string name, DateTime? start, DateTime? end) = groupBy == UsageGrouping.Session
            ? (session.SessionUuid, session.CreatedAt, null)
            : Period(time);
        if (!_periods.TryGetValue(name, out UsagePeriod? period))
        {
            period = new UsagePeriod
            {
                ChatbotUuid = options.ChatbotUuid,
                GroupBy = groupBy,
                Period = name,
                SessionUuid = groupBy == UsageGrouping.Session ? session.SessionUuid : null,
                Start = start,
                End = end,
            };
            _periods[name] = period;
        }

        return period;
    }

    /// <summary>The day, ISO week (Monday to Sunday, numbered as ISO 8601 does) or month a time falls in, on the clock of the report's time zone.</summary>
    private (string Name, DateTime? Start, DateTime? End) Period(DateTime? time)
    {
        if (time is not DateTime at)
        {
            return ("(no time)", null, null);
        }

        DateTime day = TimeZoneInfo.ConvertTimeFromUtc(at.ToUniversalTime(), zone).Date;
        DateTime start;
        DateTime end;
        string name;
        switch (groupBy)
        {
            case UsageGrouping.Week:
                start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                end = start.AddDays(7);

                // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
                DateTime thursday = start.AddDays(3);
                name = string.Format(CultureInfo.InvariantCulture, "{0}-W{1:D2}", thursday.Year, (thursday.DayOfYear - 1) / 7 + 1);
                break;
            case UsageGrouping.Month:
                start = new DateTime(day.Year, day.Month, 1);
                end = start.AddMonths(1);
                name = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                break;
            default:
                start = day;
                end = day.AddDays(1);
                name = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
        }

        DateTimeKind kind = zone == TimeZoneInfo.Local ? DateTimeKind.Local : DateTimeKind.Unspecified;
        return (name, DateTime.SpecifyKind(start, kind), DateTime.SpecifyKind(end, kind));
    }

    private string Summary(List<UsagePeriod> rows, int sessions, UsagePrice price)
    {
        long messages = rows.Sum(r => (long)r.Messages);
        string credits = price.CreditsPerMessage is long each ? $"; an estimated {messages * each} credits ({price.Basis.Substring("Estimate: ".Length).TrimEnd('.')})" : $"; {price.Basis.TrimEnd('.')}";
        string failed = _failed > 0 ? $"; the messages of {_failed} sessions could not be read and are not counted" : string.Empty;
        return $"Chatbot {options.ChatbotUuid}: {sessions} sessions, {messages} messages{credits}{failed}.";
    }
}
