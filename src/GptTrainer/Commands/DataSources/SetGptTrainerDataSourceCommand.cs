namespace GptTrainer.Commands;

/// <summary>Renames a data source (its title is what citations show).</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSource))]
public sealed class SetGptTrainerDataSourceCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ForEachUuid(DataSourceUuid, nameof(DataSourceUuid), source =>
            Changes.SendChange(KnownNames.Describe("data source", source), BoundOf(nameof(Title)), "-Title", PassThru, (api, token) => api.DataSources.RenameAsync(source, Title!, ChatbotUuid, token)));
    }
}
