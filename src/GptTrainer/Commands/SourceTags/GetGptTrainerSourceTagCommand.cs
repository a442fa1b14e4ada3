namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's source tags, optionally filtered by name.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSourceTag")]
[OutputType(typeof(SourceTag))]
public sealed class GetGptTrainerSourceTagCommand : ChatbotScopedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SourceTagNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid ?? (object?)Name;
        (List<string> chatbots, string[]? names) = ChatbotsAndNames(Name);
        foreach (string chatbot in chatbots)
        {
            ErrorTarget = chatbot;
            ReportingErrors(() =>
            {
                var tags = Call((api, token) => api.SourceTags.ListAsync(chatbot, token));
                WriteObject(NameFilter.Apply(this, tags, names, t => t.Name, "source tag"), enumerateCollection: true);
            });
        }
    }
}
