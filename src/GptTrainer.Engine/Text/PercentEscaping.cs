namespace GptTrainer.Text;

/// <summary>
/// Characters written as %XX, one escape per byte of their UTF-8 form, the way URLs and file names in
/// form headers carry what they cannot hold as it is.
/// </summary>
internal static class PercentEscaping
{
    /// <summary><paramref name="text"/> with every character <paramref name="mustEscape"/> picks (given it and its index) escaped.</summary>
    public static string Escape(string text, Func<char, int, bool> mustEscape)
    {
        StringBuilder? escaped = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!mustEscape(c, i))
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
            foreach (byte b in Encoding.UTF8.GetBytes(c.ToString()))
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped?.ToString() ?? text;
    }
}
