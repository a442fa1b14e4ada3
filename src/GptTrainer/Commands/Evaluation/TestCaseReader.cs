using System.Collections.Specialized;
using System.Text.RegularExpressions;
using GptTrainer.Commands;

namespace GptTrainer.Evaluation;

/// <summary>
/// Turns test cases as given (hashtables, objects, rows of a file) into checked <see cref="TestCase"/>s. Every
/// problem is an error naming the case and the field, found before any question is sent.
/// </summary>
internal static class TestCaseReader
{
    /// <summary>How long one Match pattern may take on one answer; a pattern that backtracks without end fails its check instead of hanging the run.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private const string Question = "Question";
    private const string Questions = "Questions";

    /// <summary>Every field a case may have, spelled as documented; names are matched without regard to case.</summary>
    public static readonly string[] Fields =
    {
        "Name", Question, Questions, "Contains", "NotContains", "Match", "CitesSource", "MaxFirstPieceMs", "MaxDurationMs", "FinishReason",
    };

    /// <summary>The fields of a case given as an object: a hashtable's entries, or an object's properties.</summary>
    public static RawTestCase FromObject(object input, int position)
    {
        object? value = PowerShellValues.Unwrap(input);
        if (value is EvaluationResult result && result.TestCase is not null)
        {
            // A case from a CSV file keeps its cells as written, lists and all.
            bool fromCsv = result.Source?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true;
            return new RawTestCase(Entries(result.TestCase), position, result.Source, fromCsv);
        }

        if (value is IDictionary table)
        {
            return new RawTestCase(Entries(table), position, null, ListsAsText: false);
        }

        if (value is string or ValueType)
        {
            throw new InputException(ErrorRecords.InputError(
                "InvalidTestCase",
                $"Test case {position} is {DisplayText.Safe(value.ToString())}, not a case: give a hashtable or object with a Question, or a path to a .json, .csv or .psd1 file.",
                ErrorCategory.InvalidArgument,
                input));
        }

        PSObject shape = PSObject.AsPSObject(input);
        var fields = shape.Properties
            .Where(p => p.IsGettable && (p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property))
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))
            .ToList();
        return new RawTestCase(fields, position, null, ListsAsText: false);
    }

    /// <summary>A hashtable's entries as fields, in its own order.</summary>
    public static List<KeyValuePair<string, object?>> Entries(IDictionary table)
        => table.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k?.ToString() ?? string.Empty, table[k])).ToList();

    /// <summary>The case ready to run, or the errors that stop it, each naming the case and the field.</summary>
    public static TestCase? Check(RawTestCase raw, List<ErrorRecord> problems)
    {
        int before = problems.Count;
        string label = raw.Label;
        if (raw.NotACase is string what)
        {
            problems.Add(Problem(label, "Question", $"is {what}, not a case: a case is an object with a Question and its checks.", what));
            return null;
        }

        var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var definition = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, object?> field in raw.Fields)
        {
            object? value = PowerShellValues.Unwrap(field.Value);
            string? known = Fields.FirstOrDefault(f => string.Equals(f, field.Key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(Problem(label, field.Key, $"has an unknown check '{DisplayText.Safe(field.Key)}'{Spelling.Suggestion(field.Key, Fields)}. A case's fields are {string.Join(", ", Fields)}.", field.Key));
                continue;
            }

            if (given.ContainsKey(known))
            {
                problems.Add(Problem(label, known, $"gives {known} twice.", field.Key));
                continue;
            }

            definition[field.Key] = field.Value;
            if (value is not null)
            {
                given[known] = value;
            }
        }

        string[] questions = QuestionsOf(raw, label, given, definition, problems);
        var testCase = new TestCase
        {
            Name = Text(raw, label, given, "Name", problems),
            Questions = questions,
            Contains = NonEmptyStrings(raw, label, given, "Contains", problems),
            NotContains = NonEmptyStrings(raw, label, given, "NotContains", problems),
            Match = Patterns(label, given, problems),
            CitesSource = NonEmptyStrings(raw, label, given, "CitesSource", problems),
            MaxFirstPieceMs = Milliseconds(label, given, "MaxFirstPieceMs", problems),
            MaxDurationMs = Milliseconds(label, given, "MaxDurationMs", problems),
            FinishReason = Text(raw, label, given, "FinishReason", problems),
            Definition = definition,
            Source = raw.Source,
        };

        return problems.Count == before ? testCase : null;
    }

    private static string[] QuestionsOf(RawTestCase raw, string label, Dictionary<string, object?> given, OrderedDictionary definition, List<ErrorRecord> problems)
    {
        bool single = given.ContainsKey(Question);
        bool several = given.ContainsKey(Questions);
        if (single && several)
        {
            problems.Add(Problem(label, Questions, "gives both Question and Questions: give Question for one question, or Questions for a conversation asked in order.", given[Questions]));
            return Array.Empty<string>();
        }

        if (!single && !several)
        {
            problems.Add(Problem(label, Question, "has no question: give Question (or Questions, for a conversation asked in order).", definition));
            return Array.Empty<string>();
        }

        string field = single ? Question : Questions;
        string[] asked = single ? new[] { Text(raw, label, given, Question, problems) ?? string.Empty } : Strings(raw, label, given, Questions, problems);
        if (asked.Length == 0 || asked.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(Problem(label, field, single || asked.Length == 0 ? $"has an empty {field}: there is nothing to ask." : "has an empty question in Questions: each question of a conversation needs text.", given[field]));
        }

        return asked;
    }

    private static string? Text(RawTestCase raw, string label, Dictionary<string, object?> given, string field, List<ErrorRecord> problems)
    {
        if (!given.TryGetValue(field, out object? value))
        {
            return null;
        }

        string[] values = Strings(raw, label, given, field, problems, splitText: false);
        if (values.Length != 1)
        {
            problems.Add(Problem(label, field, $"gives {field} as a list; it takes one text.", value));
            return null;
        }

        return values[0];
    }

    /// <summary>A text or a list of texts, none of them empty: an empty Contains would pass on any answer.</summary>
    private static string[] NonEmptyStrings(RawTestCase raw, string label, Dictionary<string, object?> given, string field, List<ErrorRecord> problems)
    {
        string[] values = Strings(raw, label, given, field, problems);
        if (values.Any(string.IsNullOrEmpty))
        {
            problems.Add(Problem(label, field, $"has an empty value in {field}, which would check nothing.", given[field]));
        }

        return values;
    }

    private static string[] Strings(RawTestCase raw, string label, Dictionary<string, object?> given, string field, List<ErrorRecord> problems, bool splitText = true)
    {
        if (!given.TryGetValue(field, out object? value))
        {
            return Array.Empty<string>();
        }

        if (value is string text)
        {
            return raw.ListsAsText && splitText
                ? text.Split(TestCaseFile.CsvListSeparator).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray()
                : new[] { text };
        }

        IEnumerable items = value is IEnumerable list and not IDictionary ? list : new[] { value };
        var result = new List<string>();
        foreach (object? item in items)
        {
            object? scalar = PowerShellValues.Unwrap(item);
            if (scalar is string s)
            {
                result.Add(s);
            }
            else if (scalar is IConvertible convertible and not IEnumerable)
            {
                result.Add(convertible.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                problems.Add(Problem(label, field, $"has {Describe(scalar)} in {field}, where text belongs.", value));
                return Array.Empty<string>();
            }
        }

        return result.ToArray();
    }

    private static Regex[] Patterns(string label, Dictionary<string, object?> given, List<ErrorRecord> problems)
    {
        if (!given.TryGetValue("Match", out object? value))
        {
            return Array.Empty<Regex>();
        }

        // A pattern is never split, even from a CSV cell: '|' is how a regex says "or".
        IEnumerable items = value is IEnumerable list and not string and not IDictionary ? list : new[] { value };
        var patterns = new List<Regex>();
        foreach (object? item in items)
        {
            if (PowerShellValues.Unwrap(item) is not string pattern || pattern.Length == 0)
            {
                problems.Add(Problem(label, "Match", $"has {Describe(PowerShellValues.Unwrap(item))} in Match, where a regular expression belongs.", item));
                continue;
            }

            try
            {
                // Case-insensitive like PowerShell's -match; (?-i) at the start makes a pattern case-sensitive.
                patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (ArgumentException ex)
            {
                problems.Add(Problem(label, "Match", $"has a Match that is not a valid regular expression, '{DisplayText.Safe(pattern)}': {ex.Message}", pattern));
            }
        }

        return patterns.ToArray();
    }

    private static double? Milliseconds(string label, Dictionary<string, object?> given, string field, List<ErrorRecord> problems)
    {
        if (!given.TryGetValue(field, out object? value))
        {
            return null;
        }

        double? ms = value switch
        {
            string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
            IConvertible number and not string and not bool => TryDouble(number),
            _ => null,
        };

        if (ms is not double limit || double.IsNaN(limit) || double.IsInfinity(limit) || limit <= 0)
        {
            problems.Add(Problem(label, field, $"has {field} {DisplayText.Safe(Convert.ToString(value, CultureInfo.InvariantCulture))}, which is not a number of milliseconds above 0.", value));
            return null;
        }

        return ms;
    }

    private static double? TryDouble(IConvertible number)
    {
        try
        {
            return number.ToDouble(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{DisplayText.Safe(s)}'",
        IDictionary => "a hashtable",
        IEnumerable => "a list",
        _ => "a " + value.GetType().Name,
    };

    private static ErrorRecord Problem(string label, string field, string what, object? target)
    {
        var record = ErrorRecords.InputError("InvalidTestCase", $"Test {label} {what}", ErrorCategory.InvalidData, target);
        record.ErrorDetails = new ErrorDetails($"Test {label} {what}") { RecommendedAction = $"Correct the {field} field of the case; no question was asked." };
        return record;
    }
}
