namespace GptTrainer.Commands;

/// <summary>Waits until data sources have been processed, or have failed, with a timeout.</summary>
[Cmdlet(VerbsLifecycle.Wait, "GptTrainerDataSource")]
[OutputType(typeof(DataSource))]
public sealed class WaitGptTrainerDataSourceCommand : DataSourceWaitCmdlet
{
    private readonly List<DataSource> _pending = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    /// <summary>Processing can take minutes for large files on the service; ten minutes covers most.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 600;

    /// <summary>Every uuid is checked as it arrives; the waiting is done once, for all of them, when the pipeline ends.</summary>
    protected override void ProcessApiRecord()
        => ForEachUuid(DataSourceUuid, nameof(DataSourceUuid), uuid =>
        {
            string chatbot = ChatbotOrCurrent(ChatbotUuid);
            if (_seen.Add(chatbot + "/" + uuid))
            {
                _pending.Add(new DataSource { DataSourceUuid = uuid, ChatbotUuid = chatbot, Title = KnownNames.Of(uuid) ?? string.Empty });
            }
        });

    private protected override void EndApiProcessing() => WaitAndWrite(_pending, TimeoutSec, nameof(TimeoutSec));
}
