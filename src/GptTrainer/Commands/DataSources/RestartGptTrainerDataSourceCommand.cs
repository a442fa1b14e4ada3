namespace GptTrainer.Commands;

/// <summary>Re-processes data sources whose processing failed. Undocumented endpoint; see the help.</summary>
[Cmdlet(VerbsLifecycle.Restart, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSourceOperationResult))]
public sealed class RestartGptTrainerDataSourceCommand : DataSourceBatchCmdlet
{
    private protected override string Action => "Restart processing";

    private protected override Task<DataSourceBatchAnswer> SendAsync(GptTrainerApi api, IReadOnlyList<string> uuids, CancellationToken cancellationToken)
        => api.DataSources.RestartAsync(uuids, cancellationToken);
}
