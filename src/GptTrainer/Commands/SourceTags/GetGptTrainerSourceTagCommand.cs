namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's source tags, optionally filtered by name or uuid.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSourceTag")]
[OutputType(typeof(SourceTag))]
public sealed class GetGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SourceTagNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(SourceTagUuidCompleter))]
    public string[]? SourceTagUuid { get; set; }

    protected override void ProcessApiRecord()
        => WriteListed(Name, SourceTagUuid, nameof(SourceTagUuid), "source tag", (api, chatbot, token) => api.SourceTags.ListAsync(chatbot, token), t => t.Name, t => t.SourceTagUuid);
}
