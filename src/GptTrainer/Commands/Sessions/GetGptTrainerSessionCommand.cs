using GptTrainer.Conversations;

namespace GptTrainer.Commands;

/// <summary>Gets sessions by uuid, or the sessions of a chatbot (optionally within a creation window).</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSession")]
[OutputType(typeof(Session))]
public sealed class GetGptTrainerSessionCommand : ApiCmdlet
{
    // One parameter set on purpose: a piped session carries both uuids and must be fetched by its own.
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string[]? SessionUuid { get; set; }

    /// <summary>
    /// Whatever is piped in: strings are session uuids (a file's lines, say); other objects bind -SessionUuid
    /// and -ChatbotUuid by property name. Taken as objects so that a piped chatbot is not also turned into a
    /// string and bound to -SessionUuid.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object? InputObject { get; set; }

    /// <summary>Lists this chatbot's sessions; defaults to the current chatbot.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>Only sessions created at or after this time (any kind of DateTime; sent as UTC).</summary>
    [Parameter]
    public DateTime CreatedAfter { get; set; }

    /// <summary>Only sessions created at or before this time.</summary>
    [Parameter]
    public DateTime CreatedBefore { get; set; }

    /// <summary>Only the sessions whose lead-form answers or verified identity hold one of these values (an e-mail address, a user id).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? User { get; set; }

    /// <summary>A listed session lacks the lead form and identity -User looks at, so each is read; a few at once.</summary>
    private const int UserSearchThrottleLimit = 4;

    private protected override void BeginApiProcessing()
        => TimeWindow(Bound(nameof(CreatedAfter)) ? CreatedAfter : null, Bound(nameof(CreatedBefore)) ? CreatedBefore : null);

    protected override void ProcessApiRecord()
    {
        string[] sessions = (SessionUuid ?? Array.Empty<string>()).Concat(PipedStrings(InputObject)).ToArray();
        if (sessions.Length > 0)
        {
            ErrorTarget = ChatbotUuid;
            string? chatbot = GivenUuid(ChatbotUuid, nameof(ChatbotUuid));
            ForEachUuid(sessions, nameof(SessionUuid), session =>
            {
                string? owner = chatbot ?? State.ChatbotOfSession(session);
                Session found = Call((api, token) => api.Sessions.GetAsync(session, owner, token));
                if (User is null || SessionPeople.Matches(found, User))
                {
                    WriteObject(found);
                }
            });
            return;
        }

        ErrorTarget = ChatbotUuid;
        string chatbotUuid = ChatbotOrCurrent(ChatbotUuid);
        DateTime? after = Bound(nameof(CreatedAfter)) ? CreatedAfter : null;
        DateTime? before = Bound(nameof(CreatedBefore)) ? CreatedBefore : null;
        List<Session> listed = Call((api, token) => api.Sessions.ListAsync(chatbotUuid, after, before, token));
        WriteObject(User is null ? listed : Await(SessionSearch.OfPeopleAsync(Api, this, listed, User, UserSearchThrottleLimit, StopToken)), enumerateCollection: true);
    }
}
