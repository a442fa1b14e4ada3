namespace GptTrainer.Commands;

/// <summary>Deletes data sources; several piped in are deleted together through the bulk endpoint.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerDataSourceCommand : ChatbotScopedCmdlet
{
    private readonly List<string> _confirmed = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    protected override void ProcessApiRecord()
        => Changes.ConfirmEach(DataSourceUuid, nameof(DataSourceUuid), "data source", "Remove", _confirmed);

    private protected override void EndApiProcessing()
        => Changes.RemoveTogether(
            _confirmed,
            "data source",
            (api, uuid, token) => api.DataSources.DeleteAsync(uuid, token),
            (api, uuids, token) => api.DataSources.DeleteManyAsync(uuids, token));
}
