namespace GptTrainer.ChatbotCode;

/// <summary>
/// The files of an export folder and how values are laid out in them. Few files, each a sorted list, rather
/// than a file per agent or tag: names are not safe file names (CON, a trailing dot, "Billing" and "billing"
/// on a case-blind disk, two agents of one name), and a sorted list changes only where an item changed.
/// </summary>
internal static class ExportLayout
{
    public const string Origin = "origin.json";
    public const string Chatbot = "chatbot.json";
    public const string Agents = "agents.json";
    public const string SourceTags = "source-tags.json";
    public const string DataSources = "data-sources.json";
    public const string Readme = "README.md";

    /// <summary>Every file an export writes, in the order it writes them.</summary>
    public static readonly string[] Files = { Readme, Origin, Chatbot, Agents, SourceTags, DataSources };

    /// <summary>Properties holding prose that often runs to many lines.</summary>
    private static readonly HashSet<string> TextProperties = new(StringComparer.Ordinal) { "prompt", "description", "default_message", "answer" };

    /// <summary>The sections of data-sources.json and the kind of source each holds; any other kind goes to "other".</summary>
    public static readonly (string Section, string Kind, string NameProperty)[] SourceSections =
    {
        ("qa", "qa", "question"),
        ("links", "link", "url"),
        ("files", "file", "file_name"),
    };

    /// <summary>Whether values of this property are written as a list of lines when they have more than one.</summary>
    public static bool IsText(string property) => TextProperties.Contains(property);

    /// <summary>
    /// A prompt of forty lines is one line of JSON, and any edit to it a one-line diff of the whole prompt. Written
    /// as a list of its lines instead (split at LF only, so the exact text comes back when joined), an edit shows
    /// as the lines it changed. Text of one line stays a plain string.
    /// </summary>
    public static object? ToFile(string property, object? value)
        => IsText(property) && value is string text && text.IndexOf('\n') >= 0 ? text.Split('\n').Select(l => (object?)l).ToList() : value;

    /// <summary>Paths of the files an import reads, for messages: the file's name within the folder.</summary>
    public static string Where(string file, string path) => path.Length == 0 ? file : $"{file} at {path}";
}
