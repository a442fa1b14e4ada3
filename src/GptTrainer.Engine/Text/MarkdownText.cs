namespace GptTrainer.Text;

/// <summary>
/// Text put into Markdown the module writes, so that it reads as the characters it is and does nothing else:
/// no link, image, emphasis, HTML, table cell or code of its own, on GitHub (GFM) as in plain CommonMark. The
/// one rule for every Markdown the module writes; text from the service must never pass around it.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// U+2060 WORD JOINER: invisible, zero width, and no break opportunity, so the text reads and wraps as
    /// before; but GFM's extended autolinks match literal characters, and this one sits between them.
    /// </summary>
    internal const char WordJoiner = '\u2060';

    // Enough that no text can make a link, an image, emphasis, code, HTML, an entity or a table cell.
    private const string MarkdownPunctuation = "\\`*_[]<>|~&";

    /// <summary>
    /// Text as it reads in a table cell or after a list marker: Markdown's punctuation is escaped with a
    /// backslash (which CommonMark allows before any ASCII punctuation), and a line break becomes &lt;br&gt;.
    /// </summary>
    public static string Inline(string text)
        => string.Join("<br>", text.Replace("\r\n", "\n").Replace('\t', ' ').Split('\n').Select(InlineLine));

    /// <summary>
    /// A fenced block shows text as written, with no Markdown or HTML of its own taking effect, and GFM makes no
    /// links inside it; the fence is longer than any run of backticks in the text, so the text cannot close it.
    /// </summary>
    public static void AppendCodeBlock(StringBuilder md, string text)
    {
        int longestRun = 0;
        int run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        string fence = new('`', Math.Max(3, longestRun + 1));
        md.Append(fence).Append("text\n");
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            md.Append(DisplayText.Safe(line.Replace("\t", "    "))).Append('\n');
        }

        md.Append(fence).Append('\n');
    }

    private static string InlineLine(string line)
    {
        string shown = DisplayText.Safe(line);
        var escaped = new StringBuilder(shown.Length + 16);
        for (int i = 0; i < shown.Length; i++)
        {
            char c = shown[i];
            if (MarkdownPunctuation.IndexOf(c) >= 0)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            if (NeedsJoinerAfter(shown, i))
            {
                escaped.Append(WordJoiner);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Whether a word joiner goes after the character at <paramref name="i"/>, where GFM would otherwise see a link. A backslash or an entity does stop "https://" and
    /// "www." on GitHub (its renderer reads them from the source), but not an e-mail address, which it finds
    /// in the text after escapes are undone; and other GFM renderers find all three there. So a word joiner
    /// goes before "://" (whatever the scheme), between "www" and ".", and after every "@", which also keeps
    /// "@name" from becoming a mention: each link needs those characters side by side.
    /// </summary>
    private static bool NeedsJoinerAfter(string text, int i)
    {
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] == '@'
            || (next == ':' && string.CompareOrdinal(text, i + 1, "://", 0, 3) == 0)
            || (next == '.' && i >= 2 && string.Compare(text, i - 2, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0);
    }
}
