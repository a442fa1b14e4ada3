namespace GptTrainer.Evaluation;

/// <summary>
/// Which sources a reply cited, and whether a source named by title or uuid is among them: shared by the
/// CitesSource check and Should -CiteSource, so both read a citation the same way and say what was cited alike.
/// </summary>
internal static class CitedSources
{
    private const int MostListed = 10;

    /// <summary>A data source uuid (dashes and case aside) or title (case aside) names the citation's source.</summary>
    public static bool Names(Citation citation, string wanted)
    {
        string? uuid = InputRules.NormalizeUuid(wanted);
        if (uuid is not null && string.Equals(InputRules.NormalizeUuid(citation.DataSourceUuid), uuid, StringComparison.Ordinal))
        {
            return true;
        }

        return citation.Title is not null && string.Equals(citation.Title.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public static bool Cite(IEnumerable<Citation> citations, string wanted) => citations.Any(c => Names(c, wanted));

    /// <summary>"'Returns policy' (4f1c...), 'FAQ' (9a0b...)" once per source, or "no sources".</summary>
    public static string Describe(IReadOnlyCollection<Citation> citations)
    {
        var sources = citations
            .GroupBy(c => InputRules.NormalizeUuid(c.DataSourceUuid) ?? "title:" + c.Title)
            .Select(g => g.First())
            .ToList();
        if (sources.Count == 0)
        {
            return "no sources";
        }

        IEnumerable<string> shown = sources.Take(MostListed).Select(Describe);
        string more = sources.Count > MostListed ? $" and {sources.Count - MostListed} more" : string.Empty;
        return string.Join(", ", shown) + more;
    }

    private static string Describe(Citation source)
    {
        string uuid = string.IsNullOrEmpty(source.DataSourceUuid) ? string.Empty : $"({DisplayText.Safe(source.DataSourceUuid)})";
        return string.IsNullOrEmpty(source.Title) ? "untitled source " + uuid : $"'{DisplayText.Safe(source.Title)}' {uuid}".TrimEnd();
    }

    /// <summary>
    /// Each cited source once, in the order it was first cited, with every marker that cites it, as a person
    /// reads them under a reply: "[1.1, 1.2] Returns policy". Two passages of one source are one source.
    /// </summary>
    public static List<string> Lines(IEnumerable<Citation> citations)
        => citations
            .GroupBy(c => InputRules.NormalizeUuid(c.DataSourceUuid) ?? "title:" + c.Title)
            .Select(g => $"[{string.Join(", ", g.Select(c => DisplayText.Safe(c.Key)))}] {DisplayText.Safe(g.First().Title ?? g.First().DataSourceUuid)}")
            .ToList();

    /// <summary>"'A'", "'A' and 'B'", "'A', 'B' and 'C'".</summary>
    public static string List(IReadOnlyList<string> names)
    {
        string[] quoted = names.Select(n => $"'{DisplayText.Safe(n)}'").ToArray();
        return quoted.Length <= 1 ? string.Concat(quoted) : string.Join(", ", quoted, 0, quoted.Length - 1) + " and " + quoted[quoted.Length - 1];
    }
}
