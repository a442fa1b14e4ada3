namespace GptTrainer.Commands;

/// <summary>
/// Renames or recolours source tags and changes their members. Data sources piped in are added to the tag
/// (or, with -Remove, taken out of it) in one update when the pipeline ends; -DataSourceUuid given on the
/// command line replaces the members, unless -Add or -Remove says otherwise.
/// </summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SourceTag))]
public sealed class SetGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    private readonly List<string> _piped = new();

    // Not from the pipeline by value: piped data sources would otherwise be turned into strings and bound here.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SourceTagUuidCompleter))]
    public string[]? SourceTagUuid { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? Color { get; set; }

    /// <summary>The tag's members: replaced by these when given on the command line, added to when piped in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    /// <summary>Adds the -DataSourceUuid sources to the tag's members instead of replacing them.</summary>
    [Parameter]
    public SwitchParameter Add { get; set; }

    /// <summary>Takes the -DataSourceUuid sources, given or piped, out of the tag's members.</summary>
    [Parameter]
    public SwitchParameter Remove { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void BeginApiProcessing()
    {
        if (Add && Remove)
        {
            throw CommandEnding(InputError("AddAndRemove", "Give -Add or -Remove, not both.", ErrorCategory.InvalidArgument, null));
        }

        base.BeginApiProcessing();
    }

    protected override void ProcessApiRecord()
    {
        if (Bound(nameof(DataSourceUuid)) && !GivenOnCommandLine(nameof(DataSourceUuid)))
        {
            ErrorTarget = DataSourceUuid;
            _piped.AddRange(UuidList(DataSourceUuid!, nameof(DataSourceUuid)).Where(u => !_piped.Contains(u)));
            return;
        }

        string[]? members = Bound(nameof(DataSourceUuid)) ? UuidList(DataSourceUuid ?? Array.Empty<string>(), nameof(DataSourceUuid)) : null;
        ForEachUuid(SourceTagUuid, nameof(SourceTagUuid), tag => Change(tag, members, Remove ? -1 : Add ? 1 : 0));
    }

    private protected override void EndApiProcessing()
    {
        if (_piped.Count > 0)
        {
            ForEachUuid(SourceTagUuid, nameof(SourceTagUuid), tag => Change(tag, _piped.ToArray(), Remove ? -1 : 1));
        }
    }

    /// <summary>Sends the change; <paramref name="direction"/> 1 adds the members, -1 removes them, 0 makes them the whole list.</summary>
    private void Change(string tag, string[]? members, int direction)
    {
        var changed = BoundOf(nameof(Name), nameof(Color));
        if (members is not null)
        {
            changed.Add(direction switch
            {
                1 => $"add {members.Length} data source{(members.Length == 1 ? string.Empty : "s")}",
                -1 => $"remove {members.Length} data source{(members.Length == 1 ? string.Empty : "s")}",
                _ => "DataSourceUuid",
            });
        }

        string? chatbot = GivenUuid(ChatbotUuid, nameof(ChatbotUuid)) ?? State.ChatbotUuid;
        Changes.SendChange(KnownNames.Describe("source tag", tag), changed, "-Name, -Color or -DataSourceUuid", PassThru, async (api, token) =>
        {
            string[]? list = members;
            if (members is not null && direction != 0)
            {
                // The API replaces a tag's members, so adding or removing starts from the list it has now.
                string owner = chatbot ?? throw new InputException(InputError("NoChatbotUuid", "Adding or removing members needs the tag's chatbot: pass -ChatbotUuid or pipe in its data sources.", ErrorCategory.InvalidOperation, tag));
                SourceTag current = (await api.SourceTags.ListAsync(owner, token).ConfigureAwait(false)).FirstOrDefault(t => t.SourceTagUuid == tag)
                    ?? throw new InputException(new ErrorRecord(new ItemNotFoundException($"Chatbot {owner} has no source tag {tag}."), "SourceTagNotFound", ErrorCategory.ObjectNotFound, tag));
                list = direction > 0 ? current.DataSourceUuids.Union(members).ToArray() : current.DataSourceUuids.Except(members).ToArray();
            }

            return await api.SourceTags.UpdateAsync(tag, Bound(nameof(Name)) ? Name : null, Bound(nameof(Color)) ? Color : null, list, chatbot, token).ConfigureAwait(false);
        });
    }
}
