namespace GptTrainer.Sync;

/// <summary>
/// -Include and -Exclude: a pattern without '/' is matched against a file's name, in any folder (*.md,
/// draft-*); a pattern with '/' against its whole path relative to the synced folder (guides/*, */old/*),
/// where '*' also crosses folders. Case is ignored, as elsewhere in PowerShell.
/// </summary>
internal sealed class PathFilter
{
    private readonly (Wildcard Pattern, bool WholePath)[] _include;
    private readonly (Wildcard Pattern, bool WholePath)[] _exclude;

    public PathFilter(IEnumerable<string>? include, IEnumerable<string>? exclude)
    {
        _include = Compile(include);
        _exclude = Compile(exclude);
    }

    /// <summary>Null for a usable pattern, else what is wrong with it.</summary>
    public static string? Problem(string pattern) => Wildcard.Problem(pattern);

    public bool Selects(string relativePath)
    {
        string name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        return (_include.Length == 0 || Matches(_include, relativePath, name)) && !Matches(_exclude, relativePath, name);
    }

    private static bool Matches((Wildcard Pattern, bool WholePath)[] patterns, string relativePath, string name)
        => patterns.Any(p => p.Pattern.IsMatch(p.WholePath ? relativePath : name));

    private static (Wildcard, bool)[] Compile(IEnumerable<string>? patterns)
        => (patterns ?? Enumerable.Empty<string>())
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => p.Replace('\\', '/'))
            .Select(p => (new Wildcard(p.TrimStart('/')), p.Contains('/')))
            .ToArray();
}
