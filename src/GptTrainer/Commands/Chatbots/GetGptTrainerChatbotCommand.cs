namespace GptTrainer.Commands;

/// <summary>Lists the account's chatbots, filtered by name, or fetches chatbots by uuid.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerChatbot")]
[OutputType(typeof(Chatbot))]
public sealed class GetGptTrainerChatbotCommand : ApiCmdlet
{
    /// <summary>Names or wildcards; a uuid here is fetched by uuid, so both kinds can be given positionally.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ChatbotNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string[]? ChatbotUuid { get; set; }

    /// <summary>
    /// Whatever is piped in. Strings (names or uuids, such as a file's lines) count like -Name; other objects
    /// bind -ChatbotUuid by property name. Taken as objects, so that PowerShell does not turn a piped object
    /// into a string (its name) and bind that to -Name as well.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object? InputObject { get; set; }

    protected override void ProcessApiRecord()
    {
        (List<string> named, List<string> patterns) = NameFilter.SplitUuids((Name ?? Array.Empty<string>()).Concat(PipedStrings(InputObject)));
        var byUuid = new List<string?>(ChatbotUuid ?? Array.Empty<string>());
        byUuid.AddRange(named);

        ForEachUuid(byUuid, nameof(ChatbotUuid), uuid => WriteObject(Call((api, token) => api.Chatbots.GetAsync(uuid, token))));
        if (patterns.Count > 0 || byUuid.Count == 0)
        {
            ErrorTarget = Name;
            var chatbots = Call((api, token) => api.Chatbots.ListAsync(token));
            WriteObject(NameFilter.Apply(this, chatbots, patterns.ToArray(), c => c.Name, "chatbot"), enumerateCollection: true);
        }
    }
}
