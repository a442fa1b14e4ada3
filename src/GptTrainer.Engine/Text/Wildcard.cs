using System.Text.RegularExpressions;

namespace GptTrainer.Text;

/// <summary>
/// PowerShell's wildcard patterns, case-insensitive, without PowerShell: '*' any run of characters, '?' one
/// character, '[abc]' and '[a-c]' one of a set, and '`' taking the next character literally. A ']' first in a
/// set is a member, as are '!' and '^' (PowerShell has no negated sets). An unclosed or empty set and a
/// reversed range are refused when the pattern is made, with PowerShell's message, where PowerShell only
/// finds out on the first match.
/// </summary>
internal sealed class Wildcard
{
    private readonly Regex _regex;

    public Wildcard(string pattern)
    {
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public bool IsMatch(string text) => _regex.IsMatch(text);

    /// <summary>Null for a usable pattern, else what is wrong with it.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            ToRegex(pattern);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '`':
                    // A trailing backtick has nothing to escape and stands for itself.
                    regex.Append(Literal(i + 1 < pattern.Length ? pattern[++i] : c));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    i = AppendSet(pattern, i, regex);
                    break;
                default:
                    regex.Append(Literal(c));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    /// <summary>Appends the set that opens at <paramref name="open"/>; returns the index of its closing ']'.</summary>
    private static int AppendSet(string pattern, int open, StringBuilder regex)
    {
        var members = new List<char>();
        var escaped = new List<bool>();
        int i = open + 1;
        for (; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == ']' && members.Count > 0)
            {
                break;
            }

            bool isEscape = c == '`' && i + 1 < pattern.Length;
            members.Add(isEscape ? pattern[++i] : c);
            escaped.Add(isEscape);
        }

        if (i >= pattern.Length)
        {
            throw Invalid(pattern);
        }

        regex.Append('[');
        for (int m = 0; m < members.Count; m++)
        {
            // 'a-c' is a range; a '-' first or last in the set is itself.
            if (m + 2 < members.Count && members[m + 1] == '-' && !escaped[m + 1])
            {
                if (members[m] > members[m + 2])
                {
                    throw Invalid(pattern);
                }

                regex.Append(SetMember(members[m])).Append('-').Append(SetMember(members[m + 2]));
                m += 2;
                continue;
            }

            regex.Append(SetMember(members[m]));
        }

        regex.Append(']');
        return i;
    }

    private static string Literal(char c) => Regex.Escape(c.ToString());

    private static string SetMember(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static FormatException Invalid(string pattern) => new($"The specified wildcard character pattern is not valid: {pattern}");
}
