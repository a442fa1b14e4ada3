namespace GptTrainer.Commands;

/// <summary>Deletes sessions and their messages.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerSessionCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string[]? SessionUuid { get; set; }

    protected override void ProcessApiRecord()
        => Changes.RemoveEach(
            SessionUuid,
            nameof(SessionUuid),
            "session",
            "Remove the session and all its messages",
            (api, uuid, token) => api.Sessions.DeleteAsync(uuid, token),
            uuid =>
            {
                if (State.SessionUuid == uuid)
                {
                    State.SessionUuid = null;
                }
            });
}
