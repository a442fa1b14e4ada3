namespace GptTrainer.Commands;

/// <summary>-Name filtering the way Get-Process does it: wildcards filter quietly, a plain name that matches nothing is an error.</summary>
internal static class NameFilter
{
    /// <summary>
    /// Names given where a uuid may stand too (names come first positionally): a value without wildcards that
    /// reads as a uuid is one, kept as given; everything else is a name pattern.
    /// </summary>
    public static (List<string> Uuids, List<string> Patterns) SplitUuids(IEnumerable<string> values)
    {
        var uuids = new List<string>();
        var patterns = new List<string>();
        foreach (string value in values)
        {
            (!WildcardPattern.ContainsWildcardCharacters(value) && InputRules.NormalizeUuid(value) is not null ? uuids : patterns).Add(value);
        }

        return (uuids, patterns);
    }

    public static IEnumerable<T> Apply<T>(Cmdlet cmdlet, IReadOnlyList<T> items, string[]? names, Func<T, string?> nameOf, string noun)
    {
        if (names is null || names.Length == 0)
        {
            return items;
        }

        var patterns = Array.ConvertAll(names, n => new WildcardPattern(n, WildcardOptions.IgnoreCase));
        var matched = new bool[names.Length];
        var result = new List<T>();
        foreach (T item in items)
        {
            string name = nameOf(item) ?? string.Empty;
            bool any = false;
            for (int i = 0; i < patterns.Length; i++)
            {
                if (patterns[i].IsMatch(name))
                {
                    matched[i] = true;
                    any = true;
                }
            }

            if (any)
            {
                result.Add(item);
            }
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (!matched[i] && !WildcardPattern.ContainsWildcardCharacters(names[i]))
            {
                cmdlet.WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No {noun} is named '{names[i]}'."),
                    "NameNotFound",
                    ErrorCategory.ObjectNotFound,
                    names[i]));
            }
        }

        return result;
    }
}
