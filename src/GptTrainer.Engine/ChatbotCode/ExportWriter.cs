namespace GptTrainer.ChatbotCode;

/// <summary>
/// Writes a <see cref="ChatbotDocument"/> as an export folder: the same document always gives the same bytes
/// (sorted keys and lists, LF line ends, no time of the export itself), so exporting an unchanged chatbot
/// changes no file and a real change is a small diff.
/// </summary>
internal static class ExportWriter
{
    /// <summary>Each file's name and text, in <see cref="ExportLayout.Files"/> order.</summary>
    public static List<(string File, string Text)> Render(ChatbotDocument document)
        => new[] { (ExportLayout.Readme, ExportReadme.Text), (ExportLayout.Origin, IndentedJsonWriter.Serialize(document.Origin!.ToJson())) }
            .Concat(Content(document, secrets: true))
            .ToList();

    /// <summary>
    /// The digest origin.json records of each content file: the start of the SHA-256 of its text as an export
    /// writes it, with every header's value left out, so that it is the same whether secrets were written as
    /// placeholders or included, and the same for a chatbot read again later exactly when it has not changed.
    /// </summary>
    public static SortedDictionary<string, string> Digests(ChatbotDocument document)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var sha = System.Security.Cryptography.SHA256.Create();
        foreach ((string file, string text) in Content(document, secrets: false))
        {
            digests[file] = Sync.SyncedName.Hex(sha.ComputeHash(Bytes(text)), 16);
        }

        return digests;
    }

    private static IEnumerable<(string File, string Text)> Content(ChatbotDocument document, bool secrets)
    {
        yield return (ExportLayout.Chatbot, IndentedJsonWriter.Serialize(FileObject(document.Settings, secrets)));
        yield return (ExportLayout.Agents, IndentedJsonWriter.Serialize(document.Agents.Select(a => Agent(document, a, secrets)).ToList()));
        yield return (ExportLayout.SourceTags, IndentedJsonWriter.Serialize(document.Tags.Select(t => FileObject(t, secrets, ("name", t.Name))).ToList()));
        yield return (ExportLayout.DataSources, IndentedJsonWriter.Serialize(Sources(document, secrets)));
    }

    /// <summary>
    /// Writes the files into <paramref name="folder"/> (made if missing), leaving a file whose bytes are already
    /// right untouched, and returns the names of the files whose bytes changed. Nothing else in the folder is
    /// touched, so it may be a git work tree.
    /// </summary>
    public static List<string> Write(string folder, IEnumerable<(string File, string Text)> files)
    {
        Directory.CreateDirectory(folder);
        var changed = new List<string>();
        foreach ((string file, string text) in files)
        {
            string path = Path.Combine(folder, file);
            byte[] bytes = Bytes(text);
            if (HasBytes(path, bytes))
            {
                continue;
            }

            // Written beside and moved into place, so that an interrupted export never leaves half a file.
            string temporary = path + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Copy(temporary, path, overwrite: true);
            File.Delete(temporary);
            changed.Add(file);
        }

        return changed;
    }

    /// <summary>UTF-8 without a byte-order mark, as git and every editor expect of JSON and Markdown.</summary>
    public static byte[] Bytes(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    public static bool HasBytes(string path, byte[] bytes)
        => File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).SequenceEqual(bytes);

    private static Dictionary<string, object?> Agent(ChatbotDocument document, CodeItem agent, bool secrets)
    {
        Dictionary<string, object?> json = FileObject(agent, secrets, ("type", agent.Kind));
        json["tool_functions"] = document.FunctionsOf(agent).Select(f => FileObject(f, secrets, ("name", f.Name))).ToList();
        return json;
    }

    private static Dictionary<string, object?> Sources(ChatbotDocument document, bool secrets)
    {
        var json = new Dictionary<string, object?>();
        foreach ((string section, string kind, string nameProperty) in ExportLayout.SourceSections)
        {
            json[section] = document.Sources.Where(s => s.Kind == kind).Select(s => FileObject(s, secrets, (nameProperty, s.Name))).ToList();
        }

        json["other"] = document.Sources
            .Where(s => ExportLayout.SourceSections.All(k => k.Kind != s.Kind))
            .Select(s => FileObject(s, secrets, ("type", s.Kind)))
            .ToList();
        return json;
    }

    private static Dictionary<string, object?> FileObject(CodeItem item, bool secrets, params (string Property, object? Value)[] identity)
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> property in item.Properties)
        {
            json[property.Key] = !secrets && property.Key == SecretHandling.SecretProperty && property.Value is IDictionary<string, object?> headers
                ? headers.Keys.ToDictionary(k => k, _ => (object?)string.Empty)
                : ExportLayout.ToFile(property.Key, property.Value);
        }

        foreach ((string property, object? value) in identity)
        {
            json[property] = value;
        }

        return json;
    }
}
