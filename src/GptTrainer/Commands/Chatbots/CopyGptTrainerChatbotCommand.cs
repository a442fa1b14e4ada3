using GptTrainer.ChatbotCode;

namespace GptTrainer.Commands;

/// <summary>
/// Copies a chatbot into a new one: an export and an import in one, in memory, secrets included (they never
/// leave the process). Uploaded files are uploaded again from -SourcePath, as an import does.
/// </summary>
[Cmdlet(VerbsCommon.Copy, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ChatbotImportResult))]
public sealed class CopyGptTrainerChatbotCommand : ChatbotCodeCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>The new chatbot's name; a chatbot's own name is not copied.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SourcePath { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void ProcessApiRecord()
    {
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        ErrorTarget = chatbot;
        string? sourcePath = SourcePath is null ? null : ExistingFolder(SourcePath, nameof(SourcePath));
        ChatbotDocument source = Call((api, token) => LiveReader.ReadAsync(api, chatbot, SecretHandling.Included, token));
        var options = new ImportOptions
        {
            Source = source,
            From = KnownNames.Describe("chatbot", chatbot),
            NewName = Name,
            TargetDescription = $"chatbot '{Name}'",
            SourcePath = sourcePath,
            ThrottleLimit = ThrottleLimit,
        };
        ErrorTarget = Name;
        Await(new ChatbotImport(Api, this, options).RunAsync(StopToken));
    }
}
