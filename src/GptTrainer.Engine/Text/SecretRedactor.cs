namespace GptTrainer.Text;

/// <summary>
/// Removes the API key from text a server supplied. A server, or a proxy in front of it, can echo the
/// Authorization header back in a reason phrase, an error body, a redirect's Location or a reply, and
/// whatever it echoes would otherwise reach the screen, $Error and logs. The key is looked for in every
/// form it travels or is commonly re-encoded in: as sent, URL-escaped, and JSON-escaped with or without
/// escaped slashes (PHP writes "\/").
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "********";
    private readonly string[] _forms;

    public SecretRedactor(string secret)
    {
        _forms = string.IsNullOrEmpty(secret)
            ? Array.Empty<string>()
            : new[] { secret, Uri.EscapeDataString(secret), JsonEscaped(secret), JsonEscaped(secret).Replace("/", "\\/") }
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length)
                .ToArray();
    }

    private static string JsonEscaped(string secret)
    {
        string quoted = JsonWriter.Serialize(secret);
        return quoted.Substring(1, quoted.Length - 2);
    }

    public string Redact(string text)
    {
        foreach (string form in _forms)
        {
            if (text.IndexOf(form, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(form, Mask);
            }
        }

        return text;
    }

    /// <summary>
    /// How many characters at the end of <paramref name="text"/> could be the start of a key form whose rest
    /// has not arrived yet. A streamed reply holds those back until the next piece decides.
    /// </summary>
    public int PossibleStartLength(string text)
    {
        int longest = 0;
        foreach (string form in _forms)
        {
            int from = Math.Max(0, text.Length - (form.Length - 1));
            for (int i = from; i < text.Length; i++)
            {
                if (text[i] == form[0] && string.CompareOrdinal(text, i, form, 0, text.Length - i) == 0)
                {
                    longest = Math.Max(longest, text.Length - i);
                    break;
                }
            }
        }

        return longest;
    }
}
