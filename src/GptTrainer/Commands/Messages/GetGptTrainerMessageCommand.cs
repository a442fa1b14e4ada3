namespace GptTrainer.Commands;

/// <summary>Gets the stored question/answer pairs of sessions, oldest first.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerMessage")]
[OutputType(typeof(Message))]
public sealed class GetGptTrainerMessageCommand : SessionScopedCmdlet
{
    private protected override void BeginApiProcessing() => OfferShouldOperator();

    private protected override void ProcessSession(string sessionUuid)
    {
        // Oldest first, as a transcript reader expects; the API layer orders them.
        WriteObject(Call((api, token) => api.Messages.ListAsync(sessionUuid, token)), enumerateCollection: true);
    }
}
