using GptTrainer.ChatbotCode;

namespace GptTrainer.Commands;

/// <summary>
/// Makes a chatbot look like an export folder: creates what is missing, changes what differs and, with
/// -Mode Mirror, removes what the files do not have. The run and its rules are the engine's
/// <see cref="ChatbotImport"/>; this cmdlet checks the parameters and the folder, and writes what the run reports.
/// </summary>
[Cmdlet(VerbsData.Import, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ExistingSet)]
[OutputType(typeof(ChatbotImportResult))]
public sealed class ImportGptTrainerChatbotCommand : ChatbotCodeCmdlet
{
    private const string ExistingSet = "Existing";
    private const string NewSet = "New";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The chatbot to import into; by default the one the files were exported from.</summary>
    [Parameter(ParameterSetName = ExistingSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>Creates a chatbot of this name and imports into it.</summary>
    [Parameter(Mandatory = true, ParameterSetName = NewSet)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ExistingSet)]
    [ValidateSet("Merge", "Mirror")]
    public string Mode { get; set; } = "Merge";

    /// <summary>The folder uploaded files are uploaded again from; the API cannot download them.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SourcePath { get; set; }

    /// <summary>Imports into the chatbot the files came from even though it changed since the export.</summary>
    [Parameter(ParameterSetName = ExistingSet)]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void ProcessApiRecord()
    {
        string folder = ExistingFolder(Path!, nameof(Path));
        ErrorTarget = folder;
        string? sourcePath = SourcePath is null ? null : ExistingFolder(SourcePath, nameof(SourcePath));
        ChatbotDocument export = ReadExport(folder);
        SecretHandling.ResolveOrRefuse(export, EnvironmentVariable, folder);
        string? target = Name is null ? TargetOf(ChatbotUuid, export, folder) : null;
        ErrorTarget = target ?? Name;
        var options = new ImportOptions
        {
            Source = export,
            From = folder,
            ChatbotUuid = target,
            NewName = Name,
            TargetDescription = target is null ? $"chatbot '{Name}'" : KnownNames.Describe("chatbot", target),
            Mirror = Mode == "Mirror",
            SourcePath = sourcePath,
            Force = Force,
            ThrottleLimit = ThrottleLimit,
        };
        Await(new ChatbotImport(Api, this, options).RunAsync(StopToken));
    }
}
