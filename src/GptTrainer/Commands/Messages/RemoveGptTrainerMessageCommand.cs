namespace GptTrainer.Commands;

/// <summary>Deletes messages; several piped in are deleted together through the bulk endpoint.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerMessageCommand : ApiCmdlet
{
    private readonly List<string> _confirmed = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string[]? MessageUuid { get; set; }

    protected override void ProcessApiRecord()
        => Changes.ConfirmEach(MessageUuid, nameof(MessageUuid), "message", "Remove", _confirmed);

    private protected override void EndApiProcessing()
        => Changes.RemoveTogether(
            _confirmed,
            "message",
            (api, uuid, token) => api.Messages.DeleteAsync(uuid, token),
            (api, uuids, token) => api.Messages.DeleteManyAsync(uuids, token));
}
