namespace GptTrainer.Http;

/// <summary>Pulls the human-readable part out of an error body, whatever shape the server chose.</summary>
internal static class ServerMessage
{
    private const int MaxLength = 500;
    private static readonly string[] MessageFields = { "msg", "message", "error", "detail", "description", "error_description" };

    public static string From(string body)
    {
        string trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (trimmed[0] == '{' || trimmed[0] == '"')
        {
            try
            {
                object? parsed = JsonReader.Parse(trimmed);
                if (parsed is string text)
                {
                    return Shorten(text);
                }

                if (parsed is JsonObject json)
                {
                    foreach (string field in MessageFields)
                    {
                        if (json.TryGetValue(field, out object? value) && value is not null)
                        {
                            return Shorten(value as string ?? JsonWriter.Serialize(value));
                        }
                    }
                }
            }
            catch (FormatException)
            {
                // Not JSON after all: the raw text is the message.
            }
        }

        return Shorten(trimmed);
    }

    private static string Shorten(string text)
    {
        string oneLine = text.Replace("\r", " ").Replace("\n", " ").Trim();
        return DisplayText.Safe(oneLine.Length <= MaxLength ? oneLine : oneLine.Substring(0, MaxLength) + "…");
    }
}
