using System.Text.RegularExpressions;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// Reads an export folder back into a <see cref="ChatbotDocument"/>, checking everything an import needs
/// before it sends anything: every file there and valid JSON, every property known and of its type, values in
/// the ranges the service takes, every data source an agent or tag names present in data-sources.json. All
/// problems are reported together (<see cref="ExportProblems"/>), each with its file and place.
/// </summary>
internal static class ExportReader
{
    /// <summary>Far beyond any chatbot's configuration, and a bound on what a mistaken -Path can make it read.</summary>
    private const long MaximumFileBytes = 64L * 1024 * 1024;

    private static readonly string[] Visibilities = { "private", "public", "hybrid" };
    private static readonly string[] AgentTypes = { "user-facing", "background", "human-escalation", "pre-canned", "spam-defense" };
    private static readonly string[] VariableTypes = { "string", "number", "boolean" };
    private static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE", "PATCH" };
    private static readonly Regex Color = new("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant);
    private static readonly Regex ContentHash = new("^[0-9a-f]{16}$", RegexOptions.CultureInvariant);
    private static readonly Regex Offset = new(@"offset (\d+)", RegexOptions.CultureInvariant);

    public static ChatbotDocument Read(string folder)
    {
        var problems = new ExportProblems(folder);
        var document = new ChatbotDocument();
        if (Load(folder, ExportLayout.Origin, problems) is JsonObject origin)
        {
            document.Origin = ReadOrigin(new FieldReader(origin, ExportLayout.Origin, string.Empty, problems));
        }

        if (Load(folder, ExportLayout.Chatbot, problems) is JsonObject chatbot)
        {
            var fields = new FieldReader(chatbot, ExportLayout.Chatbot, string.Empty, problems);
            document.Settings = ReadSettings(fields);
            fields.Done();
        }

        if (Load(folder, ExportLayout.DataSources, problems) is JsonObject sources)
        {
            var fields = new FieldReader(sources, ExportLayout.DataSources, string.Empty, problems);
            foreach ((string section, string kind, string nameProperty) in ExportLayout.SourceSections)
            {
                document.Sources.AddRange(fields.Each(section, f => ReadSource(f, kind, nameProperty)));
            }

            document.Sources.AddRange(fields.Each("other", ReadOtherSource));
            fields.Done();
        }

        ReadList(folder, ExportLayout.SourceTags, problems, f => ReadTag(f), document.Tags);
        ReadList(folder, ExportLayout.Agents, problems, f => ReadAgent(f, document), document.Agents);
        problems.ThrowIfAny();

        // Numbered in the order the files list them, as the export wrote them; references are checked by number.
        document.Normalize();
        CheckAgents(document, problems);
        var known = new HashSet<string>(document.Sources.Select(s => s.Reference), StringComparer.Ordinal);
        CheckReferences(document.Tags, ExportLayout.SourceTags, known, problems);
        CheckReferences(document.Agents, ExportLayout.Agents, known, problems);
        problems.ThrowIfAny();
        return document;
    }

    /// <summary>A file of the folder as JSON, or null with the problem noted.</summary>
    private static object? Load(string folder, string file, ExportProblems problems)
    {
        string path = Path.Combine(folder, file);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add(file, string.Empty, "is missing: the folder is not an export, or not a whole one");
                return null;
            }

            if (info.Length > MaximumFileBytes)
            {
                problems.Add(file, string.Empty, $"is larger than {MaximumFileBytes / 1048576} MiB, more than any export holds");
                return null;
            }

            string text = File.ReadAllText(path, Encoding.UTF8);
            try
            {
                return JsonReader.Parse(text);
            }
            catch (FormatException ex)
            {
                problems.Add(file, string.Empty, "is not valid JSON: " + WithLine(ex.Message, text));
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(file, string.Empty, "cannot be read: " + ex.Message);
            return null;
        }
    }

    private static void ReadList(string folder, string file, ExportProblems problems, Func<FieldReader, CodeItem?> read, List<CodeItem> into)
    {
        object? json = Load(folder, file, problems);
        if (json is null)
        {
            return;
        }

        if (json is not List<object?>)
        {
            problems.Add(file, string.Empty, $"must be a list, not {JsonConvert.Describe(json)}");
            return;
        }

        // The reader of a list needs an object to hang it on: the file is read as the list of a one-property object.
        var holder = new JsonObject { [string.Empty] = json };
        into.AddRange(new FieldReader(holder, file, string.Empty, problems).Each(string.Empty, read));
    }

    private static ExportOrigin ReadOrigin(FieldReader fields)
    {
        var origin = new ExportOrigin { Format = (int)(fields.Long("format", 1, int.MaxValue) ?? ExportOrigin.CurrentFormat) };
        if (origin.Format > ExportOrigin.CurrentFormat)
        {
            fields.Problem("format", $"is {origin.Format}: the export was made by a newer GptTrainer, which this one cannot read (it reads format {ExportOrigin.CurrentFormat})");
        }

        fields.String("exported_by");
        if (fields.Object("chatbot") is JsonObject chatbot)
        {
            FieldReader bot = fields.Nested(chatbot, "chatbot");
            string? uuid = bot.String("uuid", required: true);
            origin.ChatbotUuid = InputRules.NormalizeUuid(uuid) ?? string.Empty;
            if (uuid is not null && origin.ChatbotUuid.Length == 0)
            {
                bot.Problem("uuid", $"'{uuid}' is not a GPT-trainer uuid");
            }

            origin.ChatbotName = bot.String("name") ?? string.Empty;
            origin.ModifiedAt = bot.String("modified_at");
            bot.Done();
        }
        else
        {
            fields.Problem("chatbot", "is required");
        }

        origin.LastModifiedAt = fields.String("last_modified_at");
        if (fields.Object("counts") is JsonObject counts)
        {
            FieldReader read = fields.Nested(counts, "counts");
            foreach (string kind in new[] { "agents", "tool_functions", "source_tags", "data_sources" })
            {
                if (read.Long(kind, 0) is long n)
                {
                    origin.Counts[kind] = n;
                }
            }

            read.Done();
        }

        if (fields.Object("content_digests") is JsonObject digests)
        {
            FieldReader read = fields.Nested(digests, "content_digests");
            foreach (string file in new[] { ExportLayout.Chatbot, ExportLayout.Agents, ExportLayout.SourceTags, ExportLayout.DataSources })
            {
                if (read.String(file) is string digest)
                {
                    origin.Digests[file] = digest;
                }
            }

            read.Done();
        }

        fields.Done();
        return origin;
    }

    private static CodeItem ReadSettings(FieldReader f)
    {
        var item = new CodeItem(ChatbotItemType.Chatbot, string.Empty, string.Empty);
        item.Properties["visibility"] = f.OneOf("visibility", Visibilities);
        item.Properties["rate_limit_message"] = f.String("rate_limit_message");
        item.Properties["show_citations"] = f.Bool("show_citations");
        List<object?>? limit = f.List("rate_limit");
        if (limit is { Count: 2 } && limit[0] is long m and >= 1 and <= 100 && limit[1] is long s and >= 1 and <= 360)
        {
            item.Properties["rate_limit"] = new List<object?> { m, s };
        }
        else if (limit is not null)
        {
            f.Problem("rate_limit", "must be [messages, seconds], messages from 1 to 100 and seconds from 1 to 360");
        }
        else
        {
            item.Properties["rate_limit"] = null;
        }

        return item;
    }

    private static CodeItem? ReadSource(FieldReader f, string kind, string nameProperty)
    {
        string? name = f.String(nameProperty, required: true);
        var item = new CodeItem(ChatbotItemType.DataSource, kind, name ?? string.Empty);
        item.Properties["title"] = f.String("title");
        switch (kind)
        {
            case "qa":
                item.Properties["answer"] = f.Text("answer", required: true);
                break;
            case "link":
                if (name is not null && !IsWebAddress(name))
                {
                    f.Problem(nameProperty, $"must be an absolute http or https URL, not '{name}'");
                }

                break;
            case "file":
                item.Properties["size"] = f.Long("size", 0);
                string? hash = f.String("content_hash");
                if (hash is not null && !ContentHash.IsMatch(hash))
                {
                    f.Problem("content_hash", "must be 16 lowercase hexadecimal digits (the start of the file's SHA-256), or null");
                }

                item.Properties["content_hash"] = hash;
                break;
        }

        return name is null ? null : item;
    }

    private static CodeItem? ReadOtherSource(FieldReader f)
    {
        string? type = f.String("type", required: true);
        string? title = f.String("title", required: true);
        if (type is not null && ExportLayout.SourceSections.Any(s => s.Kind == type))
        {
            f.Problem("type", $"'{type}' sources belong in their own list, not under other");
        }

        var item = new CodeItem(ChatbotItemType.DataSource, type ?? string.Empty, title ?? string.Empty);
        item.Properties["title"] = title;
        item.Properties["file_name"] = f.String("file_name");
        return type is null || title is null ? null : item;
    }

    private static CodeItem? ReadTag(FieldReader f)
    {
        string? name = f.String("name", required: true);
        var item = new CodeItem(ChatbotItemType.SourceTag, string.Empty, name ?? string.Empty);
        string? color = f.String("color");
        if (color is not null && !Color.IsMatch(color))
        {
            f.Problem("color", $"must be a colour written as # and six hexadecimal digits, such as #088F8F, not '{color}'");
        }

        item.Properties["color"] = color;
        item.Properties["data_sources"] = References(f);
        return name is null ? null : item;
    }

    private static CodeItem? ReadAgent(FieldReader f, ChatbotDocument document)
    {
        string? type = f.OneOf("type", AgentTypes, required: true);
        string? name = f.String("name", required: true);
        var item = new CodeItem(ChatbotItemType.Agent, type ?? string.Empty, name ?? string.Empty);
        var p = item.Properties;
        p["name"] = name;
        p["description"] = f.Text("description");
        p["prompt"] = f.Text("prompt");
        p["enabled"] = f.Bool("enabled");
        p["model"] = f.String("model");
        p["temperature"] = f.Double("temperature", 0, 1);
        p["bias"] = f.Double("bias");
        p["stickness"] = f.Double("stickness", 0, 1);
        p["default_message"] = f.Text("default_message");
        p["use_all_sources"] = f.Bool("use_all_sources");
        p["data_sources"] = References(f);
        p["tags"] = f.Has("tags") ? f.Each("tags", Tag).ToList<object?>() : null;
        p["variables"] = f.Has("variables") ? f.Each("variables", Variable).ToList<object?>() : null;
        p["human_escalation_settings"] = f.Object("human_escalation_settings") is JsonObject settings ? Escalation(f.Nested(settings, "human_escalation_settings")) : null;
        document.Functions.AddRange(f.Each("tool_functions", fn => ReadFunction(fn, item)));
        return type is null || name is null ? null : item;
    }

    private static CodeItem? ReadFunction(FieldReader f, CodeItem agent)
    {
        string? name = f.String("name", required: true);
        var item = new CodeItem(ChatbotItemType.ToolFunction, string.Empty, name ?? string.Empty) { Parent = agent };
        var p = item.Properties;
        p["description"] = f.Text("description");
        p["method"] = f.OneOf("method", Methods);
        p["enabled"] = f.Bool("enabled");
        p["allow_gpt_trainer_properties"] = f.Bool("allow_gpt_trainer_properties");
        string? url = f.String("external_url");
        if (url is not null && !IsWebAddress(url))
        {
            f.Problem("external_url", $"must be an absolute http or https URL, not '{url}'");
        }

        p["external_url"] = url;
        p["parameters"] = Canonical.Of(f.Object("parameters"));
        JsonObject? headers = f.Object("headers");
        if (headers is not null && headers.Values.Any(v => v is not string))
        {
            f.Problem("headers", "must hold strings only: each header's value");
        }

        p["headers"] = Canonical.Of(headers);
        return name is null ? null : item;
    }

    private static object Tag(FieldReader f) => new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["name"] = f.String("name", required: true) ?? string.Empty,
        ["criteria"] = f.String("criteria") ?? string.Empty,
        ["color"] = f.String("color") ?? string.Empty,
    };

    private static object Variable(FieldReader f) => new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["name"] = f.String("name", required: true) ?? string.Empty,
        ["description"] = f.String("description") ?? string.Empty,
        ["type"] = f.OneOf("type", VariableTypes) ?? "string",
        ["example"] = f.String("example") ?? string.Empty,
        ["default_value"] = f.String("default_value") ?? string.Empty,
        ["default_is_static"] = f.Bool("default_is_static") ?? false,
    };

    private static object Escalation(FieldReader f)
    {
        var settings = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["human_requested_message"] = f.String("human_requested_message"),
            ["live_chat_start_announcement"] = f.String("live_chat_start_announcement"),
            ["live_chat_end_announcement"] = f.String("live_chat_end_announcement"),
            ["monitored_messages"] = f.Strings("monitored_messages")?.Select(m => (object?)m).ToList(),
            ["notifications_enabled"] = f.Bool("notifications_enabled"),
            ["sound_enabled"] = f.Bool("sound_enabled"),
        };
        f.Done();
        return settings;
    }

    private static List<object?>? References(FieldReader f)
        => f.Strings("data_sources")?.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).Select(r => (object?)r).ToList();

    private static void CheckAgents(ChatbotDocument document, ExportProblems problems)
    {
        foreach (var group in document.Agents.Where(a => a.IsSingleton).GroupBy(a => a.Kind).Where(g => g.Count() > 1))
        {
            problems.Add(ExportLayout.Agents, string.Empty, $"has {group.Count()} {group.Key} agents ({string.Join(", ", group.Select(a => $"'{a.Name}'"))}); a chatbot has at most one");
        }
    }

    private static void CheckReferences(IEnumerable<CodeItem> items, string file, HashSet<string> known, ExportProblems problems)
    {
        foreach (CodeItem item in items)
        {
            foreach (string reference in (item["data_sources"] as List<object?> ?? new List<object?>()).Cast<string>().Where(r => !known.Contains(r)))
            {
                problems.Add(file, $"'{item.Display}'.data_sources", $"names '{reference}', which is not in {ExportLayout.DataSources}" + (SourceReference.Parse(reference) is null ? " (a source is named as kind: name, such as qa: <question>)" : string.Empty));
            }
        }
    }

    private static bool IsWebAddress(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The reader's message gives an offset; people fixing a file by hand want its line and column.</summary>
    private static string WithLine(string message, string text)
    {
        Match match = Offset.Match(message);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int offset) || offset > text.Length)
        {
            return message;
        }

        int line = 1 + text.Take(offset).Count(c => c == '\n');
        int column = offset - text.LastIndexOf('\n', Math.Max(0, offset - 1));
        return $"{message} (line {line}, column {column})";
    }
}
