using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;

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

/// <summary>
/// A small, strict JSON reader. The module ships no JSON library because Windows PowerShell 5.1 has none
/// and PowerShell 7's copy would conflict with any version we shipped.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 256;
    private readonly string _text;
    private int _pos;

    private JsonReader(string text) => _text = text;

    public static object? Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipWhitespace();
        object? value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._pos != text.Length)
        {
            throw reader.Error("unexpected text after the JSON value");
        }

        return value;
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("nesting is too deep");
        }

        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString();
            case 't':
                ExpectWord("true");
                return true;
            case 'f':
                ExpectWord("false");
                return false;
            case 'n':
                ExpectWord("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error($"unexpected character '{c}'");
        }
    }

    private JsonObject ReadObject(int depth)
    {
        var result = new JsonObject();
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }

            string name = ReadString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            result[name] = ReadValue(depth + 1);
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == '}')
            {
                return result;
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or '}'");
            }
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            result.Add(ReadValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == ']')
            {
                return result;
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or ']'");
            }
        }
    }

    private string ReadString()
    {
        _pos++;
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                string simple = _text.Substring(start, _pos - start);
                _pos++;
                return simple;
            }

            if (c == '\\' || c < ' ')
            {
                break;
            }

            _pos++;
        }

        var sb = new StringBuilder(_text, start, _pos - start, Math.Max(16, (_pos - start) * 2));
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }

            char c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c < ' ')
            {
                _pos--;
                throw Error("control character in string");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated escape");
            }

            char escape = _text[_pos++];
            switch (escape)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("bad \\u escape");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos--;
                    throw Error($"unknown escape '\\{escape}'");
            }
        }
    }

    private object ReadNumber()
    {
        int start = _pos;
        bool isInteger = true;
        if (Peek() == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c >= '0' && c <= '9')
            {
                _pos++;
            }
            else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
            {
                isInteger = false;
                _pos++;
            }
            else
            {
                break;
            }
        }

        string token = _text.Substring(start, _pos - start);
        if (isInteger && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return l;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return d;
        }

        _pos = start;
        throw Error($"bad number '{token}'");
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            throw Error($"expected '{word}'");
        }

        _pos += word.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            _pos++;
        }
    }

    private FormatException Error(string what) => new($"Invalid JSON at offset {_pos}: {what}.");
}

internal static class JsonWriter
{
    public static string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(double.IsNaN(d) || double.IsInfinity(d) ? "null" : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                Write(sb, (double)f);
                break;
            case decimal m:
                sb.Append(m.ToString(CultureInfo.InvariantCulture));
                break;
            case PSObject wrapped when wrapped.BaseObject is PSCustomObject:
                sb.Append('{');
                bool firstProperty = true;
                foreach (PSPropertyInfo property in wrapped.Properties)
                {
                    if (!firstProperty)
                    {
                        sb.Append(',');
                    }

                    firstProperty = false;
                    WriteString(sb, property.Name);
                    sb.Append(':');
                    Write(sb, property.Value);
                }

                sb.Append('}');
                break;
            case PSObject wrapped:
                Write(sb, wrapped.BaseObject);
                break;
            case IDictionary dictionary:
                sb.Append('{');
                bool first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    sb.Append(':');
                    Write(sb, entry.Value);
                }

                sb.Append('}');
                break;
            case IEnumerable items:
                sb.Append('[');
                bool firstItem = true;
                foreach (object? item in items)
                {
                    if (!firstItem)
                    {
                        sb.Append(',');
                    }

                    firstItem = false;
                    Write(sb, item);
                }

                sb.Append(']');
                break;
            default:
                WriteString(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
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
