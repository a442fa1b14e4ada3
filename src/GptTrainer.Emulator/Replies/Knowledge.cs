using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// What a chatbot can draw on to answer in a session: the sources its answering agent may use, once
/// processed, and the session's documents when the agent's model takes them. The emulator has no
/// supervisor to choose between user-facing agents, so the first enabled one (normally "General Q&amp;A") answers.
/// </summary>
/// <param name="Model">The answering agent's model, or the default one when no user-facing agent is enabled.</param>
public sealed record Knowledge(bool ShowCitations, string Model, IReadOnlyList<SourceRecord> Sources, IReadOnlyList<DocumentRecord> Documents)
{
    /// <summary>Takes the store's lock, so that statuses, agents and sources are read as of one moment.</summary>
    public static Knowledge Of(Store store, SessionRecord session)
    {
        lock (store.Gate)
        {
            store.RefreshSources();
            AgentRecord? agent = AnsweringAgent(store, session.ChatbotUuid);

            // An agent that is not told to use all sources uses the ones it names; the service's default is unknown, so "all".
            bool allSources = agent is null || (ApiJson.Bool(agent.Meta["use_all_sources"]) ?? true);
            var named = agent?.DataSourceUuids.Select(n => (string?)n).ToHashSet() ?? new HashSet<string?>();
            var sources = store.Sources.Values
                .Where(s => s.ChatbotUuid == session.ChatbotUuid && s.Status == SourceProcessing.Done && (allSources || named.Contains(s.Uuid)))
                .OrderBy(s => s.Sequence)
                .ToList();
            bool citations = store.Chatbots.TryGetValue(session.ChatbotUuid, out ChatbotRecord? chatbot) && chatbot.ShowCitations;
            string model = ModelOf(agent);
            return new Knowledge(citations, model, sources, SessionDocuments.InUse(session, model));
        }
    }

    /// <summary>The model the chatbot answers with; call under the store's lock.</summary>
    public static string AnsweringModel(Store store, string chatbotUuid) => ModelOf(AnsweringAgent(store, chatbotUuid));

    private static string ModelOf(AgentRecord? agent)
        => agent?.Meta["model"] is JsonValue value && value.TryGetValue(out string? name) ? name : ModelCatalogue.DefaultModel;

    private static AgentRecord? AnsweringAgent(Store store, string chatbotUuid)
        => store.Agents.Values
            .Where(a => a.ChatbotUuid == chatbotUuid && a.Type == "user-facing" && a.Enabled)
            .OrderBy(a => a.Sequence)
            .FirstOrDefault();
}
