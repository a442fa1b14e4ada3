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

        (List<string> given, List<string> patterns) = NameFilter.SplitUuids(names);
        List<string> chatbots = given.ConvertAll(u => InputRules.NormalizeUuid(u)!);

        if (chatbots.Count == 0)
        {
            chatbots.Add(ChatbotOrCurrent(null));
        }

        return (chatbots, patterns.Count == 0 ? null : patterns.ToArray());
    }

    /// <summary>
    /// The Get- sequence for items a chatbot lists: for each chatbot named (or the current one), its list,
    /// narrowed to the uuids asked for (a uuid the chatbot lacks is an ObjectNotFound error, as for a plain
    /// name) and to whatever else the command filters by, then by name the way Get-Process filters.
    /// </summary>
    private protected void WriteListed<T>(
        string[]? namesOrChatbots,
        string[]? uuids,
        string uuidParameter,
        string kind,
        Func<GptTrainerApi, string, CancellationToken, Task<List<T>>> list,
        Func<T, string> nameOf,
        Func<T, string> uuidOf,
        Func<T, bool>? keep = null)
    {
        ErrorTarget = ChatbotUuid ?? (object?)namesOrChatbots;
        (List<string> chatbots, string[]? names) = ChatbotsAndNames(namesOrChatbots);
        string[]? wanted = uuids is null ? null : UuidList(uuids, uuidParameter);
        foreach (string chatbot in chatbots)
        {
            ErrorTarget = chatbot;
            ReportingErrors(() =>
            {
                List<T> items = Call((api, token) => list(api, chatbot, token));
                foreach (string missing in wanted?.Where(w => items.All(i => uuidOf(i) != w)) ?? Enumerable.Empty<string>())
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException($"Chatbot {chatbot} has no {kind} {missing}."),
                        uuidParameter.Replace("Uuid", "NotFound"),
                        ErrorCategory.ObjectNotFound,
                        missing));
                }

                List<T> kept = items.Where(i => (wanted is null || wanted.Contains(uuidOf(i))) && (keep is null || keep(i))).ToList();
                WriteObject(NameFilter.Apply(this, kept, names, nameOf, kind), enumerateCollection: true);
            });
        }
    }
}
