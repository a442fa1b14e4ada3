using GptTrainer.ChatbotCode;

namespace GptTrainer.Commands;

/// <summary>
/// Writes a chatbot as files a person can read and review in git: its settings, agents, source tags and data
/// sources, keyed by name, sorted, secrets as placeholders. An unchanged chatbot exported again changes no file.
/// </summary>
[Cmdlet(VerbsData.Export, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ChatbotExportResult))]
public sealed class ExportGptTrainerChatbotCommand : ChatbotCodeCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Writes tool functions' header values as they are instead of as placeholders.</summary>
    [Parameter]
    public SwitchParameter IncludeSecret { get; set; }

    protected override void ProcessApiRecord()
    {
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        string folder = AnyFolder(Path!, nameof(Path));
        ErrorTarget = chatbot;
        ChatbotExport export = Call((api, token) => ChatbotExport.ReadAsync(api, chatbot, IncludeSecret, token));
        KnownNames.Remember(chatbot, export.Document.ChatbotName);
        List<string> changed = export.ChangedIn(folder);
        string what = changed.Count == 0 ? "Export (no file would change)" : "Export, writing " + string.Join(", ", changed);
        if (!ShouldProcess($"{KnownNames.Describe("chatbot", chatbot)} to {folder}", what))
        {
            return;
        }

        ErrorTarget = folder;
        ChatbotExportResult result;
        try
        {
            result = export.Write(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new ErrorRecord(ex, "ExportNotWritten", ErrorCategory.WriteError, folder));
        }

        if (IncludeSecret && export.Document.Functions.Count > 0)
        {
            Warning($"{folder} holds the values of tool functions' headers (keys and tokens) because of -IncludeSecret: keep it out of git and anywhere else secrets do not belong.");
        }

        WriteObject(result);
    }
}
