using System.Globalization;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// Everything the emulated service knows, in memory. One lock guards it all: the emulator serves tests
/// and benchmarks on loopback, where simplicity matters more than contention.
/// </summary>
public sealed class Store
{
    public readonly object Gate = new();
    public readonly Dictionary<string, ChatbotRecord> Chatbots = new();
    public readonly Dictionary<string, AgentRecord> Agents = new();
    public readonly Dictionary<string, SessionRecord> Sessions = new();
    public readonly Dictionary<string, SourceRecord> Sources = new();
    public readonly Dictionary<string, TagRecord> Tags = new();
    public readonly Dictionary<string, DocumentRecord> Documents = new();

    /// <summary>Page text for URL sources, registered by tests: the emulator never fetches from the network.</summary>
    public readonly Dictionary<string, string> WebPages = new(StringComparer.OrdinalIgnoreCase);

    public Store(int processingMs, long tokenBudget) => Processing = new SourceProcessing(processingMs, tokenBudget);

    public SourceProcessing Processing { get; }

    public static string NewUuid() => Guid.NewGuid().ToString("N");

    public static string Now() => Stamp(DateTime.UtcNow);

    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public int MessageCount()
    {
        lock (Gate)
        {
            return Sessions.Values.Sum(s => s.Messages.Count);
        }
    }

    public void Clear()
    {
        lock (Gate)
        {
            Chatbots.Clear();
            Agents.Clear();
            Sessions.Clear();
            Sources.Clear();
            Tags.Clear();
            Documents.Clear();
            WebPages.Clear();
            Processing.Reset();
        }
    }

    /// <summary>Every new source starts processing in "await", the status a client saw a new source in.</summary>
    public void AddSource(SourceRecord source)
    {
        lock (Gate)
        {
            Sources[source.Uuid] = source;
            Processing.Start(source, "await");
        }
    }

    /// <summary>Call before reading statuses: they move with time, not with requests.</summary>
    public void RefreshSources()
    {
        lock (Gate)
        {
            Processing.Refresh(Sources.Values);
        }
    }

    public int FinishProcessing()
    {
        lock (Gate)
        {
            return Processing.FinishAll(Sources.Values);
        }
    }

    /// <summary>What "scraping" a URL finds: the text a test registered for it, or a neutral sentence.</summary>
    public string PageText(string url)
    {
        lock (Gate)
        {
            return WebPages.TryGetValue(url, out string? text) ? text : $"The page at {url}.";
        }
    }

    /// <summary>
    /// Deleting a chatbot takes its agents, sessions, sources and tags along. The service does not say what
    /// becomes of them; leaving them would let a test reach a session of a chatbot that no longer exists.
    /// </summary>
    public void RemoveChatbot(string uuid)
    {
        lock (Gate)
        {
            Chatbots.Remove(uuid);
            RemoveWhere(Agents, a => a.ChatbotUuid == uuid);
            RemoveWhere(Sessions, s => s.ChatbotUuid == uuid);
            RemoveWhere(Sources, s => s.ChatbotUuid == uuid);
            RemoveWhere(Tags, t => t.ChatbotUuid == uuid);
        }
    }

    public void RemoveSources(IEnumerable<string> uuids)
    {
        lock (Gate)
        {
            foreach (string uuid in uuids)
            {
                Sources.Remove(uuid);
                foreach (TagRecord tag in Tags.Values)
                {
                    tag.DataSourceUuids.Remove(uuid);
                }

                foreach (AgentRecord agent in Agents.Values)
                {
                    foreach (var link in agent.DataSourceUuids.Where(n => (string?)n == uuid).ToList())
                    {
                        agent.DataSourceUuids.Remove(link);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Called once a reply is complete, never before, so a reply cut short leaves nothing stored. A session
    /// deleted while its reply was being written stays deleted.
    /// </summary>
    public void AddMessage(SessionRecord session, string query, string response, string cite, IReadOnlyCollection<string> documents)
    {
        lock (Gate)
        {
            if (!Sessions.ContainsKey(session.Uuid))
            {
                return;
            }

            var documentsJson = new JsonArray(documents
                .Where(Documents.ContainsKey)
                .Select(d => (JsonNode)Documents[d].ToJson())
                .ToArray());
            session.Messages.Add(new MessageRecord
            {
                SessionUuid = session.Uuid,
                Query = query,
                Response = response,
                CiteDataJson = cite,
                SessionDocuments = documentsJson,
            });
            session.Touch();
        }
    }

    private static void RemoveWhere<T>(Dictionary<string, T> map, Func<T, bool> predicate)
    {
        foreach (string key in map.Where(p => predicate(p.Value)).Select(p => p.Key).ToList())
        {
            map.Remove(key);
        }
    }
}
