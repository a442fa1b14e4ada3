namespace GptTrainer.Text;

/// <summary>
/// Server-supplied text made safe to show in a message or a tooltip: control characters (ESC, BEL and the
/// like) would let a server drive the user's terminal, so each is shown as a visible escape instead. Reply
/// text is the user's data and never goes through here.
/// </summary>
internal static class DisplayText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = IndexOfControl(text!);
        if (first < 0)
        {
            return text!;
        }

        var sb = new StringBuilder(text!.Length + 16);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsControl(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
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
    public static string Sentence(string text)
    {
        string trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed.EndsWith(".", StringComparison.Ordinal) || trimmed.EndsWith("!", StringComparison.Ordinal) || trimmed.EndsWith("?", StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }

    /// <summary>How a confirmation or a report names an item: "chatbot 'HR helpdesk' (b29325ca...)", or "chatbot &lt;uuid&gt;" when its name is not known.</summary>
    public static string Item(string kind, string uuid, string? name)
        => string.IsNullOrEmpty(name)
            ? $"{kind} {uuid}"
            : $"{kind} '{Safe(name)}' ({uuid.Substring(0, Math.Min(8, uuid.Length))}...)";

    private static int IndexOfControl(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // C0 and C1 controls, DEL, and the bidirectional overrides that can make shown text lie about its order.
    private static bool IsControl(char c) => c < ' ' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
