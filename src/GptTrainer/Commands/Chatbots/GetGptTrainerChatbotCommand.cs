namespace GptTrainer.Commands;

/// <summary>Lists the account's chatbots, fetches one by uuid, or filters them by name.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerChatbot", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Chatbot))]
public sealed class GetGptTrainerChatbotCommand : ApiCmdlet
{
    private const string ListSet = "List";
    private const string UuidSet = "ByUuid";

    [Parameter(ParameterSetName = UuidSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        if (ParameterSetName == UuidSet)
        {
            ErrorTarget = ChatbotUuid;
            string uuid = Uuid(ChatbotUuid, nameof(ChatbotUuid));
            WriteObject(Call((api, token) => api.Chatbots.GetAsync(uuid, token)));
            return;
        }

        ErrorTarget = Name;
        var chatbots = Call((api, token) => api.Chatbots.ListAsync(token));
        WriteObject(NameFilter.Apply(this, chatbots, Name, c => c.Name, "chatbot"), enumerateCollection: true);
    }
}
