namespace GptTrainer.Json;

/// <summary>
/// A JSON object as parsed from the API: property names keep their case, lookups are ordinal, and each
/// field is read as the type the API documents for it (see <see cref="JsonConvert"/>).
/// </summary>
internal sealed class JsonObject : Dictionary<string, object?>
{
    public JsonObject() : base(StringComparer.Ordinal) { }

    public string? GetString(string name) => TryGetValue(name, out object? value) ? JsonConvert.AsString(value, name) : null;

    public long? GetInt64(string name) => TryGetValue(name, out object? value) ? JsonConvert.AsInt64(value, name) : null;

    public int? GetInt32(string name) => TryGetValue(name, out object? value) ? JsonConvert.AsInt32(value, name) : null;

    public double? GetDouble(string name) => TryGetValue(name, out object? value) ? JsonConvert.AsDouble(value, name) : null;

    public bool? GetBoolean(string name) => TryGetValue(name, out object? value) ? JsonConvert.AsBoolean(value, name) : null;

    public JsonObject? GetObject(string name) => TryGetValue(name, out object? value) ? value switch
    {
        null => null,
        JsonObject o => o,
        _ => throw new FormatException($"\"{name}\" should be an object but is {JsonConvert.Describe(value)}"),
    } : null;

    public List<object?>? GetArray(string name) => TryGetValue(name, out object? value) ? value switch
    {
        null => null,
        List<object?> items => items,
        _ => throw new FormatException($"\"{name}\" should be an array but is {JsonConvert.Describe(value)}"),
    } : null;

    /// <summary>An array of strings; a missing or null field reads as an empty array.</summary>
    public string[] GetStringArray(string name)
    {
        List<object?>? items = GetArray(name);
        if (items is null)
        {
            return Array.Empty<string>();
        }

        var result = new string[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = JsonConvert.AsString(items[i], $"{name}[{i}]") ?? throw new FormatException($"\"{name}[{i}]\" should be a string but is null");
        }

        return result;
    }
}
