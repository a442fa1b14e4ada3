namespace GptTrainer.Commands;

/// <summary>Gets the stored question/answer pairs of a session, oldest first.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerMessage")]
[OutputType(typeof(Message))]
public sealed class GetGptTrainerMessageCommand : SessionScopedCmdlet
{
    protected override void ProcessApiRecord()
    {
        ErrorTarget = SessionUuid;
        string session = SessionOrCurrent(SessionUuid);

        // The API does not promise an order; oldest first is what a transcript reader expects. The sort is
        // stable, so messages stamped in the same second keep the service's order.
        var messages = Call((api, token) => api.Messages.ListAsync(session, token));
        WriteObject(messages.OrderBy(m => m.CreatedAt ?? DateTime.MinValue), enumerateCollection: true);
    }
}
