using System.Text.Json;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// A knowledge base to start from: chatbots with their settings, source tags, files, web pages, Q&amp;A
/// pairs and agents, everything referring to everything else by name. Only the file's own shape is
/// checked here; the values the API takes are checked by the API when the seed is applied.
/// </summary>
/// <remarks>The format, with an example: src/GptTrainer.Emulator/README.md and seed.sample.json.</remarks>
public sealed class SeedFile
{
    /// <summary>
    /// The lists of sources a seeded chatbot may have: each source is known by its name key (what tags and
    /// agents refer to it by) and must hold its text under the text key; a page's "text" may be left out.
    /// </summary>
    public static readonly (string List, string NameKey, string? TextKey)[] SourceLists = { ("files", "name", "text"), ("pages", "url", null), ("qa", "question", "answer") };

    private static readonly string[] ChatbotKeys = { "name", "visibility", "rate_limit", "rate_limit_message", "show_citations", "tags", "files", "pages", "qa", "agents" };
    private static readonly string[] AgentKeys =
    {
        "name", "type", "description", "prompt", "model", "temperature", "bias", "stickness", "default_message",
        "use_all_sources", "enabled", "tags", "variables", "human_escalation_settings", "sources",
    };

    private SeedFile(string path, IReadOnlyList<JsonObject> chatbots)
    {
        Path = path;
        Chatbots = chatbots;
    }

    public string Path { get; }

    public IReadOnlyList<JsonObject> Chatbots { get; }

    /// <summary>
    /// The full path of a seed file: as given when it exists (or is absolute), else next to the program, so
    /// that the seed.sample.json shipped with the installed tool is found by name from any folder. A path
    /// found in neither place is returned as given, for <see cref="Read"/> to report.
    /// </summary>
    public static string Locate(string path)
    {
        if (System.IO.Path.IsPathRooted(path) || File.Exists(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        string shipped = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(shipped) ? shipped : path;
    }

    /// <exception cref="SeedException">The file is missing, is not JSON, or is not of the seed's shape.</exception>
    public static SeedFile Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SeedException($"seed file {path} cannot be read: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new SeedException($"seed file {path} is not valid JSON: {ex.Message}", ex);
        }

        try
        {
            if (root is not JsonObject top) throw new SeedException("the file must hold one JSON object, {\"chatbots\": [...]}");
            Keys(top, "the file", "chatbots");
            List<JsonObject> chatbots = Objects(top, "chatbots", "the file");
            for (int i = 0; i < chatbots.Count; i++)
            {
                CheckChatbot(chatbots[i], $"chatbots[{i}]");
            }

            return new SeedFile(path, chatbots);
        }
        catch (SeedException ex)
        {
            throw new SeedException($"seed file {path}: {ex.Message}");
        }
    }

    private static void CheckChatbot(JsonObject chatbot, string where)
    {
        Keys(chatbot, where, ChatbotKeys);
        Text(chatbot, "name", where, required: true);
        var tagNames = new HashSet<string>(StringComparer.Ordinal);
        foreach ((JsonObject tag, string at) in Each(chatbot, "tags", where))
        {
            Keys(tag, at, "name", "color");
            tagNames.Add(Text(tag, "name", at, required: true)!);
            Text(tag, "color", at, required: true);
        }

        var sourceNames = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string list, string nameKey, string? textKey) in SourceLists)
        {
            foreach ((JsonObject source, string at) in Each(chatbot, list, where))
            {
                Keys(source, at, new[] { nameKey, textKey ?? "text", "title", "reference_source_link", "tags" });
                sourceNames.Add(Text(source, nameKey, at, required: true)!);
                Text(source, textKey ?? "text", at, required: textKey is not null);
                Text(source, "title", at, required: false);
                Text(source, "reference_source_link", at, required: false);
                foreach (string tag in Names(source, "tags", at))
                {
                    if (!tagNames.Contains(tag)) throw new SeedException($"{at}: tag '{tag}' is not among the chatbot's tags");
                }
            }
        }

        foreach ((JsonObject agent, string at) in Each(chatbot, "agents", where))
        {
            Keys(agent, at, AgentKeys);
            Text(agent, "name", at, required: true);
            foreach (string source in Names(agent, "sources", at))
            {
                if (!sourceNames.Contains(source)) throw new SeedException($"{at}: source '{source}' is not a file name, URL or question of the chatbot");
            }
        }
    }

    /// <summary>The items of an optional array of objects, each with where it is, for messages.</summary>
    public static IEnumerable<(JsonObject Item, string Where)> Each(JsonObject parent, string key, string where)
        => Objects(parent, key, where).Select((item, i) => (item, $"{where}.{key}[{i}]"));

    /// <summary>An optional array of strings.</summary>
    public static IReadOnlyList<string> Names(JsonObject parent, string key, string where)
    {
        if (parent[key] is null) return Array.Empty<string>();
        if (parent[key] is not JsonArray items || items.Any(i => i is not JsonValue v || !v.TryGetValue(out string? _)))
        {
            throw new SeedException($"{where}: '{key}' must be an array of names");
        }

        return items.Select(i => (string)i!).ToList();
    }

    private static List<JsonObject> Objects(JsonObject parent, string key, string where)
    {
        if (parent[key] is null) return new List<JsonObject>();
        if (parent[key] is not JsonArray items || items.Any(i => i is not JsonObject)) throw new SeedException($"{where}: '{key}' must be an array of objects");
        return items.Cast<JsonObject>().ToList();
    }

    private static string? Text(JsonObject parent, string key, string where, bool required)
    {
        if (parent[key] is JsonValue value && value.TryGetValue(out string? text) && (text.Length > 0 || !required)) return text;
        if (parent[key] is null && !required) return null;
        throw new SeedException($"{where}: '{key}' must be {(required ? "a non-empty" : "a")} string");
    }

    private static void Keys(JsonObject item, string where, params string[] allowed)
    {
        if (item.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is string unknown)
        {
            throw new SeedException($"{where}: unknown field '{unknown}'; allowed: {string.Join(", ", allowed)}");
        }
    }
}
