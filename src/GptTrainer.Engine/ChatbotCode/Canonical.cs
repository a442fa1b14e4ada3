namespace GptTrainer.ChatbotCode;

/// <summary>
/// The one form every property value takes in a <see cref="CodeItem"/>, whether it came from the API or from a
/// file: strings, booleans, whole numbers as long, other numbers as double, lists as List, objects as
/// ordinally sorted dictionaries. Equality is by value, so two sides compare alike whatever they were read from.
/// </summary>
internal static class Canonical
{
    public static object? Of(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string or bool or long or double:
                return value;
            case int i:
                return (long)i;
            case float f:
                return (double)f;
            case IDictionary dictionary:
                var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    sorted[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Of(entry.Value);
                }

                return sorted;
            case IEnumerable items:
                var list = new List<object?>();
                foreach (object? item in items)
                {
                    list.Add(Of(item));
                }

                return list;
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    public static new bool Equals(object? a, object? b)
    {
        switch (a)
        {
            case null:
                return b is null;
            case long or double when b is long or double:
                return Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture);
            case IDictionary<string, object?> x when b is IDictionary<string, object?> y:
                return x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out object? other) && Equals(p.Value, other));
            case List<object?> x when b is List<object?> y:
                return x.Count == y.Count && x.Zip(y, Equals).All(same => same);
            default:
                return a.Equals(b);
        }
    }

    /// <summary>A value for PowerShell: objects as dictionaries that read like objects, lists as arrays.</summary>
    public static object? ForOutput(object? value) => value switch
    {
        IDictionary<string, object?> dictionary => ToJsonObject(dictionary),
        List<object?> list => list.Select(ForOutput).ToArray(),
        _ => value,
    };

    private static JsonObject ToJsonObject(IDictionary<string, object?> values)
    {
        var json = new JsonObject();
        foreach (KeyValuePair<string, object?> pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[pair.Key] = ForOutput(pair.Value);
        }

        return json;
    }
}
