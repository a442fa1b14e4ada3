namespace GptTrainer.Commands;

/// <summary>Gets the stored question/answer pairs of sessions, oldest first.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerMessage")]
[OutputType(typeof(Message))]
public sealed class GetGptTrainerMessageCommand : SessionScopedCmdlet
{
    protected override void BeginProcessing() => OfferShouldOperator();

    private protected override void ProcessSession(string sessionUuid)
    {
        // The API does not promise an order; oldest first is what a transcript reader expects. The sort is
        // stable, so messages stamped in the same second keep the service's order.
        var messages = Call((api, token) => api.Messages.ListAsync(sessionUuid, token));
        WriteObject(messages.OrderBy(m => m.CreatedAt ?? DateTime.MinValue), enumerateCollection: true);
    }
}
