namespace GptTrainer.Commands;

/// <summary>Retrains (re-scrapes) web-page data sources so the chatbot learns their current content.</summary>
[Cmdlet(VerbsData.Update, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSourceOperationResult))]
public sealed class UpdateGptTrainerDataSourceCommand : DataSourceBatchCmdlet
{
    private protected override string Action => "Retrain (re-scrape the web page)";

    private protected override Task<DataSourceBatchAnswer> SendAsync(GptTrainerApi api, IReadOnlyList<string> uuids, CancellationToken cancellationToken)
        => api.DataSources.ReScrapeAsync(uuids, cancellationToken);
}
