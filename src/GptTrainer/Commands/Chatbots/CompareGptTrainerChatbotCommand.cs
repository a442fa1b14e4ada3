using GptTrainer.ChatbotCode;

namespace GptTrainer.Commands;

/// <summary>
/// Writes one object per way a chatbot differs from an export folder (or from another chatbot), and nothing
/// when they agree: a drift check for a nightly runbook or a Pester test. Reads only.
/// </summary>
[Cmdlet(VerbsData.Compare, "GptTrainerChatbot", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ChatbotDifference))]
public sealed class CompareGptTrainerChatbotCommand : ChatbotCodeCmdlet
{
    private const string PathSet = "Path";
    private const string ReferenceSet = "Reference";

    /// <summary>The chatbot compared; with -Path by default the one the files came from, with -ReferenceChatbotUuid the current one.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ReferenceSet)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ReferenceChatbotUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ChatbotDocument reference;
        string target;
        if (ParameterSetName == PathSet)
        {
            string folder = ExistingFolder(Path!, nameof(Path));
            ErrorTarget = folder;
            reference = ReadExport(folder);
            target = TargetOf(ChatbotUuid, reference, folder);
        }
        else
        {
            string referenceUuid = Uuid(ReferenceChatbotUuid, nameof(ReferenceChatbotUuid));
            target = ChatbotOrCurrent(ChatbotUuid);
            ErrorTarget = referenceUuid;
            reference = Call((api, token) => LiveReader.ReadAsync(api, referenceUuid, SecretHandling.Included, token));
        }

        ErrorTarget = target;
        List<ChatbotDifference> differences = Call((api, token) => ChatbotComparer.CompareAsync(api, this, reference, target, EnvironmentVariable, token));
        WriteObject(differences, enumerateCollection: true);
    }
}
