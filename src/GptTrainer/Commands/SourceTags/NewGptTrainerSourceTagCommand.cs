namespace GptTrainer.Commands;

/// <summary>Creates a source tag, optionally with its first members.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SourceTag))]
public sealed class NewGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? Color { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        string[]? members = DataSourceUuid is null ? null : UuidList(DataSourceUuid, nameof(DataSourceUuid));
        if (ShouldProcess($"chatbot {chatbot}", $"Create the source tag '{Name}'"))
        {
            WriteObject(Call((api, token) => api.SourceTags.CreateAsync(chatbot, Name!, Color!, members, token)));
        }
    }
}
