namespace GptTrainer.ChatbotCode;

/// <summary>
/// How agents and tags name a data source in an export: its kind, then ": ", then what identifies it within the
/// kind, such as "qa: Do you ship abroad?", "link: https://example.org/help", "file: guides/install.md". The
/// second source of the same name carries its number with the kind ("qa#2: ..."), where no question, URL or
/// path can interfere with it.
/// </summary>
internal static class SourceReference
{
    public static string Format(string kind, string name, int occurrence)
        => occurrence == 1 ? $"{kind}: {name}" : $"{kind}#{occurrence.ToString(CultureInfo.InvariantCulture)}: {name}";

    /// <summary>The kind, name and occurrence of a reference, or null when it is not of that form.</summary>
    public static (string Kind, string Name, int Occurrence)? Parse(string reference)
    {
        int colon = reference.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        string kind = reference.Substring(0, colon);
        int occurrence = 1;
        int hash = kind.IndexOf('#');
        if (hash >= 0)
        {
            if (!int.TryParse(kind.Substring(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out occurrence) || occurrence < 2)
            {
                return null;
            }

            kind = kind.Substring(0, hash);
        }

        return kind.Length == 0 ? null : (kind, reference.Substring(colon + 2), occurrence);
    }
}
