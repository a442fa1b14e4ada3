namespace GptTrainer.Commands;

/// <summary>Renames, recolours, or sets the members of a source tag (the member list is replaced whole).</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SourceTag))]
public sealed class SetGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SourceTagUuidCompleter))]
    public string? SourceTagUuid { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? Color { get; set; }

    /// <summary>The tag's members after the change; an empty list removes them all.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = SourceTagUuid;
        string tag = Uuid(SourceTagUuid, nameof(SourceTagUuid));
        string[]? members = Bound(nameof(DataSourceUuid)) ? UuidList(DataSourceUuid ?? Array.Empty<string>(), nameof(DataSourceUuid)) : null;
        SendChange(
            $"source tag {tag}",
            BoundOf(nameof(Name), nameof(Color), nameof(DataSourceUuid)),
            "-Name, -Color or -DataSourceUuid",
            PassThru,
            (api, token) => api.SourceTags.UpdateAsync(tag, Bound(nameof(Name)) ? Name : null, Bound(nameof(Color)) ? Color : null, members, ChatbotUuid, token));
    }
}
