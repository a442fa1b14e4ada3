namespace GptTrainer.Commands;

/// <summary>Gets one session by uuid, or the sessions of a chatbot (optionally within a creation window).</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSession")]
[OutputType(typeof(Session))]
public sealed class GetGptTrainerSessionCommand : ApiCmdlet
{
    // One parameter set on purpose: a piped session carries both uuids and must be fetched by its own.
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

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

    protected override void ProcessApiRecord()
    {
        if (!string.IsNullOrEmpty(SessionUuid))
        {
            ErrorTarget = SessionUuid;
            string session = Uuid(SessionUuid, nameof(SessionUuid));
            string? chatbot = string.IsNullOrEmpty(ChatbotUuid) ? null : Uuid(ChatbotUuid, nameof(ChatbotUuid));
            chatbot ??= session == State.SessionUuid ? State.ChatbotUuid : null;
            WriteObject(Call((api, token) => api.Sessions.GetAsync(session, chatbot, token)));
            return;
        }

        ErrorTarget = ChatbotUuid;
        string chatbotUuid = ChatbotOrCurrent(ChatbotUuid);
        DateTime? after = Bound(nameof(CreatedAfter)) ? CreatedAfter : null;
        DateTime? before = Bound(nameof(CreatedBefore)) ? CreatedBefore : null;
        WriteObject(Call((api, token) => api.Sessions.ListAsync(chatbotUuid, after, before, token)), enumerateCollection: true);
    }
}
