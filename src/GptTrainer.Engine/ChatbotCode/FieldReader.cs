namespace GptTrainer.ChatbotCode;

/// <summary>
/// Reads the fields of one JSON object of an export file by the type each must have, noting every problem
/// (a wrong type, a value out of range, a property nobody knows, most often a typo) rather than stopping at
/// the first. A missing property reads as null: "not set", which an import leaves alone.
/// </summary>
internal sealed class FieldReader(JsonObject json, string file, string path, ExportProblems problems)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string At(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>A reader of an object inside this one, whose problems are placed under <paramref name="key"/>.</summary>
    public FieldReader Nested(JsonObject inner, string key) => new(inner, file, At(key), problems);

    /// <summary>Whether the property is there and not null; either way it counts as read.</summary>
    public bool Has(string key) => Take(key) is not null;

    public void Problem(string key, string message) => problems.Add(file, At(key), message);

    public string? String(string key, bool required = false)
    {
        object? value = Take(key);
        if (value is null && required)
        {
            Problem(key, "is required");
        }
        else if (value is not null and not string)
        {
            Problem(key, $"must be a string, not {JsonConvert.Describe(value)}");
            return null;
        }

        return required && value is string { Length: 0 } ? Empty(key) : (string?)value;
    }

    /// <summary>Prose: one string, or a list of its lines, joined with LF as the export split it.</summary>
    public string? Text(string key, bool required = false)
    {
        if (Take(key, peek: true) is List<object?> lines)
        {
            Take(key);
            if (lines.All(l => l is string))
            {
                return string.Join("\n", lines.Cast<string>());
            }

            Problem(key, "must be a string or a list of strings (its lines)");
            return null;
        }

        return String(key, required);
    }

    public bool? Bool(string key)
    {
        object? value = Take(key);
        if (value is null or bool)
        {
            return (bool?)value;
        }

        Problem(key, $"must be true or false, not {JsonConvert.Describe(value)}");
        return null;
    }

    public long? Long(string key, long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        object? value = Take(key);
        if (value is null)
        {
            return null;
        }

        if (value is long l && l >= minimum && l <= maximum)
        {
            return l;
        }

        Problem(key, value is long ? $"must be from {minimum} to {maximum}" : $"must be a whole number, not {JsonConvert.Describe(value)}");
        return null;
    }

    public double? Double(string key, double minimum = double.MinValue, double maximum = double.MaxValue)
    {
        object? value = Take(key);
        if (value is null)
        {
            return null;
        }

        if (value is long or double && Convert.ToDouble(value, CultureInfo.InvariantCulture) is double d && !double.IsInfinity(d) && d >= minimum && d <= maximum)
        {
            return d;
        }

        Problem(key, value is long or double ? $"must be from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}" : $"must be a number, not {JsonConvert.Describe(value)}");
        return null;
    }

    /// <summary>One of a fixed set of strings.</summary>
    public string? OneOf(string key, string[] allowed, bool required = false)
    {
        string? value = String(key, required);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Problem(key, $"must be one of {string.Join(", ", allowed)}, not '{value}'");
            return null;
        }

        return value;
    }

    public List<object?>? List(string key)
    {
        object? value = Take(key);
        if (value is null or List<object?>)
        {
            return (List<object?>?)value;
        }

        Problem(key, $"must be a list, not {JsonConvert.Describe(value)}");
        return null;
    }

    public List<string>? Strings(string key)
    {
        List<object?>? items = List(key);
        if (items is not null && items.Any(i => i is not string))
        {
            Problem(key, "must be a list of strings");
            return null;
        }

        return items?.Cast<string>().ToList();
    }

    public JsonObject? Object(string key)
    {
        object? value = Take(key);
        if (value is null or JsonObject)
        {
            return (JsonObject?)value;
        }

        Problem(key, $"must be an object, not {JsonConvert.Describe(value)}");
        return null;
    }

    /// <summary>A list of objects, each read by <paramref name="read"/> with its own reader; null items are problems.</summary>
    public List<T> Each<T>(string key, Func<FieldReader, T?> read)
        where T : class
    {
        var result = new List<T>();
        List<object?>? items = List(key);
        for (int i = 0; items is not null && i < items.Count; i++)
        {
            string at = $"{At(key)}[{i}]";
            if (items[i] is not JsonObject item)
            {
                problems.Add(file, at, $"must be an object, not {JsonConvert.Describe(items[i])}");
                continue;
            }

            var reader = new FieldReader(item, file, at, problems);
            if (read(reader) is T value)
            {
                result.Add(value);
            }

            reader.Done();
        }

        return result;
    }

    /// <summary>Reports the properties nobody read: unknown to this version, or misspelt.</summary>
    public void Done()
    {
        foreach (string key in json.Keys.Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            Problem(key, "is not a property an export has (misspelt?)");
        }
    }

    private string? Empty(string key)
    {
        Problem(key, "must not be empty");
        return null;
    }

    private object? Take(string key, bool peek = false)
    {
        if (!peek)
        {
            _read.Add(key);
        }

        return json.TryGetValue(key, out object? value) ? value : null;
    }
}
