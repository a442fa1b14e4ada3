namespace GptTrainer.Json;

/// <summary>
/// Writes request bodies as JSON. Bodies come from users (hashtables, and what the module made of other
/// PowerShell values: it hands over plain .NET values only), so the writer
/// refuses what would otherwise crash or mislead: a value that contains itself (which would recurse until
/// the stack overflows and kills the process), nesting deeper than any request needs, and types JSON has
/// no form for (which would otherwise be written as their ToString()).
/// </summary>
internal static class JsonWriter
{
    /// <summary>Deeper than any body the API takes, and far from the stack's limit.</summary>
    public const int MaxDepth = 64;

    public static string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0, "$value", new HashSet<object>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int depth, string path, HashSet<object> open)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                WriteString(sb, s);
                return;
            case char c:
                WriteString(sb, c.ToString());
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case double or float:
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new JsonWriteException(path, $"{d.ToString(CultureInfo.InvariantCulture)} has no JSON form");
                }

                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case decimal m:
                sb.Append(m.ToString(CultureInfo.InvariantCulture));
                return;
            case DateTime time:
                // ISO 8601 with the offset the value has; an unspecified kind is written without one.
                WriteString(sb, time.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset offset:
                WriteString(sb, offset.ToString("o", CultureInfo.InvariantCulture));
                return;
            case Guid guid:
                WriteString(sb, guid.ToString("D", CultureInfo.InvariantCulture));
                return;
            case Uri uri:
                WriteString(sb, uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString);
                return;
            case Enum e:
                WriteString(sb, e.ToString());
                return;
        }

        // Containers: from here on a value can nest and can contain itself.
        if (depth >= MaxDepth)
        {
            throw new JsonWriteException(path, $"the value is nested more than {MaxDepth} levels deep");
        }

        if (!open.Add(value))
        {
            throw new JsonWriteException(path, "the value contains itself");
        }

        try
        {
            switch (value)
            {
                case IDictionary dictionary:
                    WriteObject(sb, Entries(dictionary), depth, path, open);
                    return;
                case IEnumerable items:
                    sb.Append('[');
                    int index = 0;
                    foreach (object? item in items)
                    {
                        if (index > 0)
                        {
                            sb.Append(',');
                        }

                        Write(sb, item, depth + 1, $"{path}[{index}]", open);
                        index++;
                    }

                    sb.Append(']');
                    return;
                default:
                    throw new JsonWriteException(path, $"a {value.GetType().FullName} has no JSON form; pass a hashtable, an array, a string, a number, a boolean or a date");
            }
        }
        finally
        {
            open.Remove(value);
        }
    }

    /// <summary>A dictionary's entries; its own enumerator, because generic dictionaries enumerate as KeyValuePair.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dictionary)
    {
        IDictionaryEnumerator entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return new KeyValuePair<string, object?>(Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? string.Empty, entries.Value);
        }
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> properties, int depth, string path, HashSet<object> open)
    {
        sb.Append('{');
        bool first = true;
        foreach (KeyValuePair<string, object?> property in properties)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            WriteString(sb, property.Key);
            sb.Append(':');
            Write(sb, property.Value, depth + 1, path + "." + property.Key, open);
        }

        sb.Append('}');
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
