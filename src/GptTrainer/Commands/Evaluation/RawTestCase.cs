namespace GptTrainer.Evaluation;

/// <summary>
/// A test case as it was given, before its fields are checked: the field names and values in the order
/// written, where it came from, and whether its lists are written as text (a CSV cell, "a | b").
/// </summary>
internal sealed record RawTestCase(IReadOnlyList<KeyValuePair<string, object?>> Fields, int Position, string? Source, bool ListsAsText)
{
    /// <summary>What an item of a case list is when it is no case at all ("the number 5"); it is reported with the other problems.</summary>
    public string? NotACase { get; init; }

    /// <summary>The case's own name, when it has a field called Name that holds text.</summary>
    public string? Name => Fields.Where(f => string.Equals(f.Key, "Name", StringComparison.OrdinalIgnoreCase)).Select(f => PowerShellValues.Unwrap(f.Value) as string).FirstOrDefault();

    /// <summary>"case 3 ('Refunds') in cases.json", or "case 3" for one passed as an object.</summary>
    public string Label
    {
        get
        {
            string named = string.IsNullOrWhiteSpace(Name) ? string.Empty : $" ('{DisplayText.Safe(Name)}')";
            return Source is null ? $"case {Position}{named}" : $"case {Position}{named} in {System.IO.Path.GetFileName(Source)}";
        }
    }
}
