namespace GptTrainer.Commands;

/// <summary>Gets sessions' whole conversations as plain text.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerTranscript")]
[OutputType(typeof(string))]
public sealed class GetGptTrainerTranscriptCommand : SessionScopedCmdlet
{
    private protected override void ProcessSession(string sessionUuid)
        => WriteObject(Call((api, token) => api.Messages.TranscriptAsync(sessionUuid, token)));
}
