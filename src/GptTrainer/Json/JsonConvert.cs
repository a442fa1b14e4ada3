namespace GptTrainer.Json;

/// <summary>Reads JSON values as the types the models want, accepting the forms the API is known to use.</summary>
internal static class JsonConvert
{
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => JsonWriter.Serialize(value),
    };

    public static long? ToInt64(object? value) => value switch
    {
        long l => l,
        double d when d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) => parsed,
        _ => null,
    };

    public static double? ToDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => null,
    };

    public static bool? ToBoolean(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s when s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        string s when s == "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <summary>Fields such as cite_data_json hold JSON inside a string; null or blank reads as nothing.</summary>
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
}
