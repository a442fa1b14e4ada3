namespace GptTrainer.Commands;

/// <summary>Gets a session's whole conversation as plain text.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerTranscript")]
[OutputType(typeof(string))]
public sealed class GetGptTrainerTranscriptCommand : SessionScopedCmdlet
{
    protected override void ProcessApiRecord()
    {
        ErrorTarget = SessionUuid;
        string session = SessionOrCurrent(SessionUuid);
        WriteObject(Call((api, token) => api.Messages.TranscriptAsync(session, token)));
    }
}
