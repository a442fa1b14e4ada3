namespace GptTrainer.Commands;

/// <summary>
/// Makes an existing session (and its chatbot) the current one of this runspace, as New-GptTrainerSession
/// does for a new one; later commands use it when no -SessionUuid is given.
/// </summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Context))]
public sealed class SetGptTrainerContextCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    /// <summary>The chatbot the session belongs to (the API does not say); alone, it becomes the current chatbot without a session.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>It only changes what is current in this runspace, and sends nothing.</summary>
    private protected override bool NeedsConnection => false;

    protected override void ProcessApiRecord()
    {
        ErrorTarget = SessionUuid ?? ChatbotUuid;
        string? chatbot = GivenUuid(ChatbotUuid, nameof(ChatbotUuid));
        string? session = GivenUuid(SessionUuid, nameof(SessionUuid));
        if (chatbot is null && session is null)
        {
            throw new InputException(InputError("NothingToChange", "Give -SessionUuid (and its -ChatbotUuid), or pipe in a session from Get-GptTrainerSession.", ErrorCategory.InvalidArgument, null));
        }

        // A session of another chatbot would leave a current chatbot it does not belong to.
        chatbot ??= State.ChatbotOfSession(session!);
        if (!ShouldProcess(session is null ? KnownNames.Describe("chatbot", chatbot!) : $"session {session}", "Make current"))
        {
            return;
        }

        // Checked before it becomes current, so that a mistyped uuid is an error now, not at the next message.
        if (session is not null)
        {
            Call((api, token) => api.Sessions.GetAsync(session, chatbot, token));
        }
        else
        {
            Call((api, token) => api.Chatbots.GetAsync(chatbot!, token));
        }

        State.ChatbotUuid = chatbot;
        State.SessionUuid = session;
        if (PassThru)
        {
            WriteObject(GetGptTrainerContextCommand.Describe(State));
        }
    }
}
