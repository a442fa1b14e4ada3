namespace GptTrainer.Text;

/// <summary>
/// Text from the service (or a local file name) made safe to show: control characters (ESC, BEL and the
/// like) would let a server drive the user's terminal (set its title, write its clipboard, clear the
/// screen), so each is shown as a visible escape such as \u001B instead. Only what is shown goes through
/// here; what the pipeline carries as data stays exactly as it arrived.
/// </summary>
/// <remarks>
/// Public because the module's format views call it from their script blocks, which PowerShell allows only
/// for public methods; a view shows the neutralised text while the object's property stays exact.
/// </remarks>
public static class DisplayText
{
    /// <summary>One line of text: every control character, line breaks and tabs included, as an escape.</summary>
    public static string Safe(string? text) => Neutralised(text, keepLines: false);

    /// <summary>
    /// Text that may span lines (a message, a long answer): line breaks (LF, CRLF) and tabs stay, every
    /// other control character becomes an escape.
    /// </summary>
    public static string SafeLines(string? text) => Neutralised(text, keepLines: true);

    /// <summary>
    /// What a format view shows for a property of any kind: text as <see cref="SafeLines"/>; a list or a
    /// dictionary as its items' text, each made safe, which PowerShell then shows as it shows any list
    /// ({a, b, ...}); anything else (numbers, dates, switches) as it is.
    /// </summary>
    public static object? Shown(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return SafeLines(text);
            case IDictionary dictionary:
                var entries = new List<string>(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries.Add(Safe($"[{entry.Key}, {entry.Value}]"));
                }

                return entries.ToArray();
            case IEnumerable items:
                var shown = new List<string>();
                foreach (object? item in items)
                {
                    shown.Add(Safe(item?.ToString()));
                }

                return shown.ToArray();
            default:
                return value;
        }
    }

    /// <summary>How a confirmation or a report names an item: "chatbot 'HR helpdesk' (b29325ca...)", or "chatbot &lt;uuid&gt;" when its name is not known.</summary>
    internal static string Item(string kind, string uuid, string? name)
        => string.IsNullOrEmpty(name)
            ? $"{kind} {uuid}"
            : $"{kind} '{Safe(name)}' ({uuid.Substring(0, Math.Min(8, uuid.Length))}...)";

    /// <summary>
    /// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can make shown text lie
    /// about its order. An escape sequence (ESC ] 2 ; ... BEL) starts with one of these, so it cannot act
    /// once its first character is shown as an escape.
    /// </summary>
    internal static bool IsControl(char c)
        => c < ' ' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>The visible form of a control character: \u and its four hex digits.</summary>
    internal static void AppendEscape(StringBuilder sb, char c)
        => sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    private static string Neutralised(string? text, bool keepLines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = IndexOfNeutralised(text!, keepLines);
        if (first < 0)
        {
            return text!;
        }

        var sb = new StringBuilder(text!.Length + 16);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsControl(c) && !Kept(text, i, keepLines))
            {
                AppendEscape(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text that ends a sentence, so that another can follow it: the system's own messages ("Connection
    /// refused") often end without a full stop.
    /// </summary>
    internal static string Sentence(string text)
    {
        string trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed.EndsWith(".", StringComparison.Ordinal) || trimmed.EndsWith("!", StringComparison.Ordinal) || trimmed.EndsWith("?", StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }

    private static int IndexOfNeutralised(string text, bool keepLines)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]) && !Kept(text, i, keepLines))
            {
                return i;
            }
        }

        return -1;
    }

    // A line break or a tab in text that may span lines; a CR only as part of CRLF, as a lone one would
    // move back over what the line already shows.
    private static bool Kept(string text, int i, bool keepLines)
        => keepLines && (text[i] == '\n' || text[i] == '\t' || (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n'));
}
