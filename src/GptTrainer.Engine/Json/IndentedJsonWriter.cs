namespace GptTrainer.Json;

/// <summary>
/// Writes JSON for people and for git: two spaces of indent, one value per line, object keys in ordinal order
/// whatever order they were added in, LF line ends and a final newline on every system, so the same value is
/// always the same bytes and a changed value changes only its own lines. Scalars are written by
/// <see cref="JsonWriter"/>, so both writers agree on escapes and numbers.
/// </summary>
internal static class IndentedJsonWriter
{
    public static string Serialize(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.Append('\n').ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case IDictionary dictionary:
                var keys = new List<string>();
                foreach (object key in dictionary.Keys)
                {
                    keys.Add(Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
                }

                keys.Sort(StringComparer.Ordinal);
                if (keys.Count == 0)
                {
                    text.Append("{}");
                    return;
                }

                text.Append('{');
                for (int i = 0; i < keys.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2).Append(JsonWriter.Serialize(keys[i])).Append(": ");
                    Write(text, dictionary[keys[i]], depth + 1);
                }

                text.Append('\n').Append(' ', depth * 2).Append('}');
                return;
            case IEnumerable items when value is not string:
                int count = 0;
                foreach (object? item in items)
                {
                    text.Append(count++ == 0 ? "[\n" : ",\n").Append(' ', (depth + 1) * 2);
                    Write(text, item, depth + 1);
                }

                text.Append(count == 0 ? "[]" : "\n" + new string(' ', depth * 2) + "]");
                return;
            default:
                text.Append(JsonWriter.Serialize(value));
                return;
        }
    }
}
