namespace GptTrainer.Commands;

/// <summary>Deletes chatbots and everything under them: agents, sessions, messages, sources, tags.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerChatbotCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string[]? ChatbotUuid { get; set; }

    /// <summary>Removes without asking, as PowerShell's own high-impact cmdlets take -Force; -WhatIf and -Confirm still apply.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessApiRecord()
        => Changes.RemoveEach(
            NamedBeforeAsking(ChatbotUuid),
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

    /// <summary>
    /// Deleting a chatbot cannot be undone, so when the user is about to be asked and the name is unknown,
    /// the chatbot is fetched first: the question then names what it deletes. A chatbot that is not there
    /// is reported here and not asked about.
    /// </summary>
    private IEnumerable<string?> NamedBeforeAsking(string[]? values)
    {
        foreach (string? value in values ?? Array.Empty<string>())
        {
            if (InputRules.NormalizeUuid(value) is string uuid && KnownNames.Of(uuid) is null && WillAskToConfirm(ConfirmImpact.High))
            {
                ErrorTarget = value;
                bool found = false;
                ReportingErrors(() =>
                {
                    Call((api, token) => api.Chatbots.GetAsync(uuid, token));
                    found = true;
                });
                if (!found)
                {
                    continue;
                }
            }

            yield return value;
        }
    }
}
