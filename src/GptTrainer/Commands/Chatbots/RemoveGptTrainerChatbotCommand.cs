namespace GptTrainer.Commands;

/// <summary>Deletes a chatbot and everything under it: agents, sessions, messages, sources, tags.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerChatbotCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    protected override void ProcessApiRecord()
        => RemoveEach(
            new[] { ChatbotUuid },
            nameof(ChatbotUuid),
            "chatbot",
            "Remove the chatbot with all its agents, sessions, messages, data sources and tags",
            (api, uuid, token) => api.Chatbots.DeleteAsync(uuid, token),
            uuid =>
            {
                if (State.ChatbotUuid == uuid)
                {
                    State.ChatbotUuid = null;
                    State.SessionUuid = null;
                }
            });
}
