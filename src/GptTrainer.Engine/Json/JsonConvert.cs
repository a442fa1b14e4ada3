namespace GptTrainer.Json;

/// <summary>
/// Reads JSON values as the types the API documents for them. A value of another type, or a number the
/// type cannot hold, is reported (FormatException naming the field) rather than turned into something
/// else: a uuid that is a number, a count beyond int, a value that overflowed to infinity.
/// </summary>
internal static class JsonConvert
{
    public static string? AsString(object? value, string field) => value switch
    {
        null => null,
        string s => s,
        _ => throw Mismatch(field, "a string", value),
    };

    /// <summary>Integers; a string of digits is accepted too, because the docs' tables give some counts as strings.</summary>
    public static long? AsInt64(object? value, string field) => value switch
    {
        null => null,
        long l => l,
        double d when d == Math.Floor(d) && d >= -9.2e18 && d <= 9.2e18 => (long)d,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed) => parsed,
        _ => throw Mismatch(field, "a whole number", value),
    };

    public static int? AsInt32(object? value, string field)
    {
        long? wide = AsInt64(value, field);
        if (wide is long l && (l < int.MinValue || l > int.MaxValue))
        {
            throw Mismatch(field, "a whole number of at most 10 digits", value);
        }

        return (int?)wide;
    }

    public static double? AsDouble(object? value, string field) => value switch
    {
        null => null,
        long l => l,
        double d when !double.IsInfinity(d) && !double.IsNaN(d) => d,
        _ => throw Mismatch(field, "a finite number", value),
    };

    /// <summary>The API writes some booleans as 0/1 and others as true/false; both read as booleans, nothing else does.</summary>
    public static bool? AsBoolean(object? value, string field) => value switch
    {
        null => null,
        bool b => b,
        long l when l is 0 or 1 => l == 1,
        _ => throw Mismatch(field, "true, false, 0 or 1", value),
    };

    /// <summary>Fields such as cite_data_json hold JSON inside a string; null, blank or malformed reads as nothing.</summary>
    public static object? ParseEmbedded(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonReader.Parse(text!);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Describe(object? json) => json switch
    {
        null => "null",
        JsonObject => "an object",
        List<object?> => "an array",
        string => "a string",
        bool => "a boolean",
        double d when double.IsInfinity(d) => "a number too large to hold",
        long or double => "the number " + Convert.ToString(json, CultureInfo.InvariantCulture),
        _ => "a " + json.GetType().Name,
    };

    private static FormatException Mismatch(string field, string expected, object? value)
        => new($"\"{field}\" should be {expected} but is {Describe(value)}");
}
