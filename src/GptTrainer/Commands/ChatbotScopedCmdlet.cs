namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets about something a chatbot owns (an agent, a session, a data source, a tag). They all
/// take -ChatbotUuid the same way: it names where a new item is created (the current chatbot when not
/// given), it lets tab completion offer the right uuids for commands whose endpoint needs only the item's
/// own uuid, and piped objects carry it into the output.
/// </summary>
public abstract class ChatbotScopedCmdlet : ApiCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }
}
