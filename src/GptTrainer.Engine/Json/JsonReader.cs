namespace GptTrainer.Json;

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

        // A UTF-8 byte-order mark decodes to U+FEFF: invisible, and no part of the JSON.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._pos = 1;
        }

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

    /// <summary>
    /// A number exactly as the JSON grammar has it: an optional minus, then 0 or a digit 1-9 followed by
    /// digits, then optionally a fraction with at least one digit, then optionally an exponent with at
    /// least one digit. So 01, 1., .5, 1.e5 and +1 are refused, as every conforming parser refuses them.
    /// </summary>
    private object ReadNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
            if (IsDigit(Peek()))
            {
                throw Error("a number must not start with 0 followed by more digits");
            }
        }
        else if (!SkipDigits())
        {
            throw Error("expected a digit");
        }

        bool isInteger = true;
        if (Peek() == '.')
        {
            isInteger = false;
            _pos++;
            if (!SkipDigits())
            {
                throw Error("expected a digit after the decimal point");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            isInteger = false;
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!SkipDigits())
            {
                throw Error("expected a digit in the exponent");
            }
        }

        string token = _text.Substring(start, _pos - start);
        if (isInteger && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return l;
        }

        // Valid JSON either way; a number too large for a double reads as an infinity (on .NET Framework
        // too), which typed reads then refuse instead of passing it on as a value.
        return FloatText.TryParse(token, out double d) ? d : throw Error("a number that could not be read");
    }

    private bool SkipDigits()
    {
        int start = _pos;
        while (IsDigit(Peek()))
        {
            _pos++;
        }

        return _pos > start;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

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
