namespace GptTrainer.Commands;

/// <summary>
/// Creates a source tag, with the data sources given or piped in as its members: sources piped in all go
/// into the one tag (one per chatbot they belong to), created when the pipeline ends.
/// </summary>
[Cmdlet(VerbsCommon.New, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SourceTag))]
public sealed class NewGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    // Members per chatbot, in the order they came; a piped chatbot alone still gets its (empty) tag.
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? Color { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        string[] members = DataSourceUuid is null ? Array.Empty<string>() : UuidList(DataSourceUuid, nameof(DataSourceUuid));
        if (!_members.TryGetValue(chatbot, out List<string>? list))
        {
            _members[chatbot] = list = new List<string>();
        }

        list.AddRange(members.Where(m => !list.Contains(m)));
    }

    private protected override void EndApiProcessing()
    {
        foreach (KeyValuePair<string, List<string>> entry in _members)
        {
            ErrorTarget = entry.Key;
            ReportingErrors(() =>
            {
                if (ShouldProcess(KnownNames.Describe("chatbot", entry.Key), $"Create the source tag '{Name}' with {entry.Value.Count} data source{(entry.Value.Count == 1 ? string.Empty : "s")}"))
                {
                    string[]? members = Bound(nameof(DataSourceUuid)) || entry.Value.Count > 0 ? entry.Value.ToArray() : null;
                    WriteObject(Call((api, token) => api.SourceTags.CreateAsync(entry.Key, Name!, Color!, members, token)));
                }
            });
        }
    }
}
