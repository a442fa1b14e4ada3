namespace GptTrainer.Json;

/// <summary>A JSON object as parsed from the API: property names keep their case, lookups are ordinal.</summary>
internal sealed class JsonObject : Dictionary<string, object?>
{
    public JsonObject() : base(StringComparer.Ordinal) { }

    public string? GetString(string name)
        => TryGetValue(name, out object? value) ? JsonConvert.ToText(value) : null;

    public long? GetInt64(string name)
        => TryGetValue(name, out object? value) ? JsonConvert.ToInt64(value) : null;

    public double? GetDouble(string name)
        => TryGetValue(name, out object? value) ? JsonConvert.ToDouble(value) : null;

    /// <summary>The API writes some booleans as 0/1 and others as true/false; both read as booleans.</summary>
    public bool? GetBoolean(string name)
        => TryGetValue(name, out object? value) ? JsonConvert.ToBoolean(value) : null;

    public JsonObject? GetObject(string name)
        => TryGetValue(name, out object? value) ? value as JsonObject : null;

    public List<object?>? GetArray(string name)
        => TryGetValue(name, out object? value) ? value as List<object?> : null;

    public string[] GetStringArray(string name)
    {
        List<object?>? items = GetArray(name);
        if (items is null)
        {
            return Array.Empty<string>();
        }

        var result = new List<string>(items.Count);
        foreach (object? item in items)
        {
            string? text = JsonConvert.ToText(item);
            if (text is not null)
            {
                result.Add(text);
            }
        }

        return result.ToArray();
    }
}
