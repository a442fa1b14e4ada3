using System.Collections.Concurrent;

namespace GptTrainer.State;

/// <summary>
/// The names of chatbots, agents, data sources and tags the module has read from the service, by uuid, so
/// that -WhatIf and -Confirm can say "chatbot 'HR helpdesk' (b29325ca...)" without a request of their own.
/// Names are not secrets and uuids are unique across runspaces, so one bounded table serves the process.
/// </summary>
internal static class KnownNames
{
    private const int Capacity = 10_000;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    public static void Remember(string uuid, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        // A full table starts over rather than growing: it only ever saves a request or improves a message.
        if (Names.Count >= Capacity)
        {
            Names.Clear();
        }

        Names[uuid] = name!;
    }

    /// <summary>Remembers the names of what the service answered with: chatbots, agents, data sources and tags, alone or in a list.</summary>
    public static void RememberFrom(object? answer)
    {
        switch (answer)
        {
            case Chatbot chatbot:
                Remember(chatbot.ChatbotUuid, chatbot.Name);
                break;
            case Agent agent:
                Remember(agent.AgentUuid, agent.Name);
                break;
            case DataSource source:
                Remember(source.DataSourceUuid, source.Title);
                break;
            case SourceTag tag:
                Remember(tag.SourceTagUuid, tag.Name);
                break;
            case AddedDataSource added:
                RememberFrom(added.Source);
                break;
            case IEnumerable items and not string:
                foreach (object? item in items)
                {
                    RememberFrom(item);
                }

                break;
        }
    }

    public static string? Of(string uuid) => Names.TryGetValue(uuid, out string? name) ? name : null;

    /// <summary>The known names of these uuids, by uuid; uuids without a known name are left out.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<string?> uuids)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string? uuid in uuids)
        {
            if (uuid is not null && Of(uuid) is string name)
            {
                names[uuid] = name;
            }
        }

        return names;
    }

    /// <summary>How a confirmation names an item: "chatbot 'HR helpdesk' (b29325ca...)", or just its uuid when no name is known.</summary>
    public static string Describe(string kind, string uuid) => DisplayText.Item(kind, uuid, Of(uuid));
}
