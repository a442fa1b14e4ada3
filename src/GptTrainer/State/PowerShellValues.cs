using System.Collections.Specialized;

namespace GptTrainer.State;

/// <summary>
/// The one place the module reads PowerShell's wrapped values, and makes parsed JSON into PowerShell's
/// objects. The engine below takes and gives plain .NET values only.
/// </summary>
internal static class PowerShellValues
{
    /// <summary>
    /// A value as PowerShell passed it: a .NET value wrapped in a PSObject is that value, while a
    /// PSCustomObject (what [pscustomobject]@{...} makes) stays an object with properties.
    /// </summary>
    public static object? Unwrap(object? value) => value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

    /// <summary>
    /// A value a user gave for a request body, as the plain values the engine's JSON writer takes: wrappers
    /// unwrapped, PSCustomObjects and dictionaries as ordered dictionaries, switches as booleans, collections
    /// as lists. The shape is kept exactly, a value that contains itself included, so the writer refuses the
    /// same values at the same places; what JSON has no form for is left for the writer to name.
    /// </summary>
    public static object? ToPlain(object? value) => ToPlain(value, 0, new Dictionary<object, object>(ReferenceEqualityComparer.Instance));

    private static object? ToPlain(object? value, int depth, Dictionary<object, object> converted)
    {
        value = Unwrap(value);
        switch (value)
        {
            case null:
                return null;
            case SwitchParameter flag:
                return flag.IsPresent;
            case string or ValueType or Uri:
                return value;
        }

        // Past the writer's limit the rest is not needed: the writer refuses the value at that depth.
        if (depth > JsonWriter.MaxDepth)
        {
            return value;
        }

        if (converted.TryGetValue(value, out object? done))
        {
            return done;
        }

        switch (value)
        {
            case PSObject custom:
                var properties = new OrderedDictionary();
                converted[value] = properties;
                foreach (PSPropertyInfo property in custom.Properties)
                {
                    properties[property.Name] = ToPlain(property.Value, depth + 1, converted);
                }

                return properties;
            case IDictionary dictionary:
                var entries = new OrderedDictionary();
                converted[value] = entries;
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries[Unwrap(entry.Key)!] = ToPlain(entry.Value, depth + 1, converted);
                }

                return entries;
            case IEnumerable items:
                var list = new List<object?>();
                converted[value] = list;
                foreach (object? item in items)
                {
                    list.Add(ToPlain(item, depth + 1, converted));
                }

                return list;
            default:
                return value;
        }
    }

    /// <summary>Parsed JSON as PowerShell users expect it: objects become PSCustomObjects, arrays object[].</summary>
    public static object? FromJson(object? json)
    {
        switch (json)
        {
            case IDictionary<string, object?> obj:
                var result = new PSObject();
                foreach (KeyValuePair<string, object?> pair in obj)
                {
                    result.Properties.Add(new PSNoteProperty(pair.Key, FromJson(pair.Value)));
                }

                return result;
            case IList<object?> list:
                object?[] items = new object?[list.Count];
                for (int i = 0; i < list.Count; i++)
                {
                    items[i] = FromJson(list[i]);
                }

                return items;
            default:
                return json;
        }
    }
}
