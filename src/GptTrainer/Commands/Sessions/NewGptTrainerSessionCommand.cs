namespace GptTrainer.Commands;

/// <summary>Opens a chat session on a chatbot and makes it the current session of this runspace.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Session))]
public sealed class NewGptTrainerSessionCommand : ApiCmdlet
{
    /// <summary>Defaults to the current chatbot (the one the current session belongs to).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string[]? ChatbotUuid { get; set; }

    /// <summary>Flat name/value pairs the chatbot's agents can use as variables.</summary>
    [Parameter]
    public Hashtable? InitialVariables { get; set; }

    private IDictionary? _initialVariables;

    protected override void ProcessApiRecord()
    {
        _initialVariables = (IDictionary?)PowerShellValues.ToPlain(InitialVariables);
        CheckWritableAsJson(_initialVariables, nameof(InitialVariables));
        if (ChatbotUuid is null || ChatbotUuid.Length == 0)
        {
            Open(ChatbotOrCurrent(null));
            return;
        }

        ForEachUuid(ChatbotUuid, nameof(ChatbotUuid), Open);
    }

    private void Open(string chatbot)
    {
        if (!ShouldProcess(KnownNames.Describe("chatbot", chatbot), "Create a chat session"))
        {
            return;
        }

        Session session = Call((api, token) => api.Sessions.CreateAsync(chatbot, _initialVariables, token));
        State.ChatbotUuid = chatbot;
        State.SessionUuid = session.SessionUuid;
        WriteObject(session);
    }
}
