using GptTrainer.Conversations;

namespace GptTrainer.Commands;

/// <summary>
/// Reports a chatbot's use per day, week, month or session: sessions, messages, answers cut short, errors,
/// frustrations, ratings and estimated credits. The counting and pricing are the engine's
/// <see cref="UsageReport"/>; this cmdlet checks the parameters and writes the rows, oldest first.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerUsage")]
[OutputType(typeof(UsagePeriod))]
public sealed class GetGptTrainerUsageCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    public DateTime CreatedAfter { get; set; }

    [Parameter]
    public DateTime CreatedBefore { get; set; }

    [Parameter]
    public UsageGrouping GroupBy { get; set; } = UsageGrouping.Day;

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    private protected override void BeginApiProcessing()
        => TimeWindow(Bound(nameof(CreatedAfter)) ? CreatedAfter : null, Bound(nameof(CreatedBefore)) ? CreatedBefore : null);

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        var options = new ConversationOptions
        {
            ChatbotUuid = ChatbotOrCurrent(ChatbotUuid),
            CreatedAfter = Bound(nameof(CreatedAfter)) ? CreatedAfter : null,
            CreatedBefore = Bound(nameof(CreatedBefore)) ? CreatedBefore : null,
            ThrottleLimit = ThrottleLimit,
        };
        ErrorTarget = options.ChatbotUuid;

        // Periods are days, weeks and months of the clock of whoever runs the report.
        WriteObject(Await(new UsageReport(Api, this, options, GroupBy, TimeZoneInfo.Local).RunAsync(StopToken)), enumerateCollection: true);
    }
}
