namespace GptTrainer.Models;

/// <summary>Shared reading of the API's JSON into the typed output objects.</summary>
internal static class ModelReader
{
    /// <summary>API timestamps are UTC ISO 8601 strings; users get local DateTime values.</summary>
    public static DateTime? Timestamp(JsonObject json, string name)
    {
        string? text = json.GetString(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value.LocalDateTime
            : null;
    }

    public static JsonObject AsObject(object? json, string what)
        => json as JsonObject ?? throw new FormatException($"expected a JSON object for {what}, got {JsonConvert.Describe(json)}");

    /// <summary>
    /// An id the service returned, which may become current state or part of a later request's path, so it
    /// must be a GPT-trainer uuid: a missing, empty or malformed one is the service's mistake, reported.
    /// </summary>
    public static string Uuid(JsonObject json, string what, string field = "uuid")
    {
        string? text = json.GetString(field);
        return InputRules.NormalizeUuid(text)
            ?? throw new FormatException(text is null ? $"{what} has no \"{field}\"" : $"{what} has \"{field}\": \"{text}\", which is not a GPT-trainer uuid");
    }

    public static IEnumerable<JsonObject> AsObjects(object? json, string what)
    {
        if (json is not List<object?> items)
        {
            throw new FormatException($"expected a JSON array of {what}, got {JsonConvert.Describe(json)}");
        }

        foreach (object? item in items)
        {
            yield return AsObject(item, what);
        }
    }

    /// <summary>
    /// Parsed JSON for a model's free-form field (meta, variables, tool functions): objects stay dictionaries,
    /// which PowerShell reads like objects ($source.Meta.answer), and arrays become arrays.
    /// </summary>
    public static object? FreeForm(object? json)
    {
        switch (json)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (KeyValuePair<string, object?> pair in obj)
                {
                    result[pair.Key] = FreeForm(pair.Value);
                }

                return result;
            case List<object?> list:
                object?[] items = new object?[list.Count];
                for (int i = 0; i < list.Count; i++)
                {
                    items[i] = FreeForm(list[i]);
                }

                return items;
            default:
                return json;
        }
    }

    /// <summary>Maps each object of a JSON array; null or non-object items are skipped.</summary>
    public static T[] Each<T>(List<object?>? items, Func<JsonObject, T> map)
    {
        if (items is null)
        {
            return Array.Empty<T>();
        }

        var result = new List<T>(items.Count);
        foreach (object? item in items)
        {
            if (item is JsonObject obj)
            {
                result.Add(map(obj));
            }
        }

        return result.ToArray();
    }

    /// <summary>A field that holds JSON inside a string, parsed as a free-form field; null when empty or malformed.</summary>
    public static object? EmbeddedJson(string? text) => FreeForm(JsonConvert.ParseEmbedded(text));
}
