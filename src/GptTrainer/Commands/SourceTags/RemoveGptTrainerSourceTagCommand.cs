namespace GptTrainer.Commands;

/// <summary>Deletes source tags (the tagged sources stay).</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SourceTagUuidCompleter))]
    public string[]? SourceTagUuid { get; set; }

    protected override void ProcessApiRecord()
        => Changes.RemoveEach(SourceTagUuid, nameof(SourceTagUuid), "source tag", "Remove", (api, uuid, token) => api.SourceTags.DeleteAsync(uuid, token));
}
