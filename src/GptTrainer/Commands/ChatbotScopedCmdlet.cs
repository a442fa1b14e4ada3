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

    /// <summary>
    /// The chatbots a list command reads, and the name patterns it filters by. Names come first positionally;
    /// a uuid in their place, when no -ChatbotUuid is given, is the chatbot, as it was before names took the
    /// first position, so existing scripts keep working.
    /// </summary>
    private protected (List<string> Chatbots, string[]? Names) ChatbotsAndNames(string[]? names)
    {
        if (!string.IsNullOrEmpty(ChatbotUuid) || names is null)
        {
            return (new List<string> { ChatbotOrCurrent(ChatbotUuid) }, names);
        }

        var chatbots = new List<string>();
        var patterns = new List<string>();
        foreach (string name in names)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name) && InputRules.NormalizeUuid(name) is string uuid)
            {
                chatbots.Add(uuid);
            }
            else
            {
                patterns.Add(name);
            }
        }

        if (chatbots.Count == 0)
        {
            chatbots.Add(ChatbotOrCurrent(null));
        }

        return (chatbots, patterns.Count == 0 ? null : patterns.ToArray());
    }
}
