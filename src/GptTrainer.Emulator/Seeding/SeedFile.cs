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

    private static readonly string[] ChatbotKeys = { "name", "visibility", "rate_limit", "rate_limit_message", "show_citations", "tags", "files", "pages", "qa", "agents", "sessions" };
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
        string text;
        try
        {
            text = File.ReadAllText(path);
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
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
            RefuseRepeatedFields(text);
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
                string name = Text(source, nameKey, at, required: true)!;

                // Sent as the file name of a multipart part, which has no way to carry these.
                if (list == "files" && name.Any(c => c == '"' || char.IsControl(c)))
                {
                    throw new SeedException($"{at}: 'name' must be a file name without quotes or control characters such as line breaks");
                }

                sourceNames.Add(name);
                Text(source, textKey ?? "text", at, required: textKey is not null);
                Text(source, "title", at, required: false);
                Text(source, "reference_source_link", at, required: false);
                foreach (string tag in Names(source, "tags", at))
                {
                    if (!tagNames.Contains(tag)) throw new SeedException($"{at}: tag '{tag}' is not among the chatbot's tags");
                }
            }
        }

        // Conversations are checked field by field where they are applied, by the control API that imports them.
        _ = Objects(chatbot, "sessions", where);

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

    /// <summary>
    /// JSON lets a field appear twice in one object, and a parser keeps one of the two (or, lazily, throws
    /// when the object is first read); in a seed it is a mistake either way, so it is named with its place.
    /// Runs on text that has parsed, so the reader meets only well-formed JSON.
    /// </summary>
    private static void RefuseRepeatedFields(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var open = new Stack<Container>();
        string? field = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    field = reader.GetString()!;
                    if (!open.Peek().Fields.Add(field)) throw new SeedException($"{open.Peek().Where}: field '{field}' appears twice");
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    string where = open.Count == 0 ? "the file"
                        : open.Peek().IsArray ? $"{open.Peek().Where}[{open.Peek().Items}]"
                        : open.Count == 1 ? field! : $"{open.Peek().Where}.{field}";
                    open.Push(new Container(where, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    CountItem(open);
                    break;
                default:
                    CountItem(open);
                    break;
            }
        }
    }

    private static void CountItem(Stack<Container> open)
    {
        if (open.TryPeek(out Container? container) && container.IsArray)
        {
            container.Items++;
        }
    }

    private static void Keys(JsonObject item, string where, params string[] allowed)
    {
        if (item.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is string unknown)
        {
            throw new SeedException($"{where}: unknown field '{unknown}'; allowed: {string.Join(", ", allowed)}");
        }
    }

    /// <summary>An object or array being read: where it is, in the messages' notation, and what it has held so far.</summary>
    private sealed class Container(string where, bool isArray)
    {
        public string Where { get; } = where;

        public bool IsArray { get; } = isArray;

        public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);

        public int Items { get; set; }
    }
}
