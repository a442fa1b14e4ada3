namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's source tags, optionally filtered by name.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSourceTag")]
[OutputType(typeof(SourceTag))]
public sealed class GetGptTrainerSourceTagCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        var tags = Call((api, token) => api.SourceTags.ListAsync(chatbot, token));
        WriteObject(NameFilter.Apply(this, tags, Name, t => t.Name, "source tag"), enumerateCollection: true);
    }
}
