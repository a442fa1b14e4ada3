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

    public static string? Of(string uuid) => Names.TryGetValue(uuid, out string? name) ? name : null;

    /// <summary>How a confirmation names an item: "chatbot 'HR helpdesk' (b29325ca...)", or just its uuid when no name is known.</summary>
    public static string Describe(string kind, string uuid)
        => Of(uuid) is string name
            ? $"{kind} '{Http.DisplayText.Safe(name)}' ({uuid.Substring(0, Math.Min(8, uuid.Length))}...)"
            : $"{kind} {uuid}";
}
