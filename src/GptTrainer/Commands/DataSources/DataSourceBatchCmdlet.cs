namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that send many data source uuids in one request and get one result per uuid back:
/// at most <see cref="Batches.Size"/> per request, and a batch that fails does not stop the next.
/// </summary>
public abstract class DataSourceBatchCmdlet : ChatbotScopedCmdlet
{
    private readonly List<string> _confirmed = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    /// <summary>What ShouldProcess says will be done to each source.</summary>
    private protected abstract string Action { get; }

    private protected abstract Task<DataSourceBatchAnswer> SendAsync(GptTrainerApi api, IReadOnlyList<string> uuids, CancellationToken cancellationToken);

    protected override void ProcessApiRecord()
        => Changes.ConfirmEach(DataSourceUuid, nameof(DataSourceUuid), "data source", Action, _confirmed);

    private protected override void EndApiProcessing()
    {
        foreach (List<string> batch in Batches.Of(_confirmed))
        {
            ErrorTarget = batch.ToArray();
            ReportingErrors(() => Send(batch));
        }
    }

    private void Send(List<string> batch)
    {
        DataSourceBatchAnswer answer = Call((api, token) => SendAsync(api, batch, token));
        if (answer.Results is null)
        {
            // The shape of this answer is not documented; anything but a per-uuid list is shown as it came.
            Verbose("The service answered: " + DisplayText.Safe(answer.Text));
            return;
        }

        foreach (DataSourceOperationResult result in answer.Results)
        {
            if (result.Succeeded)
            {
                WriteObject(result);
            }
            else
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Data source {DisplayText.Safe(result.DataSourceUuid)}: {DisplayText.Safe(result.Error)}"),
                    "DataSourceRefused",
                    ErrorCategory.InvalidOperation,
                    result.DataSourceUuid));
            }
        }
    }
}
