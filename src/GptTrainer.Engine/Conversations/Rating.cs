namespace GptTrainer.Conversations;

/// <summary>
/// The end user's rating of an answer, read from a message's feedback_json. What that field holds is not
/// documented (docs/gpt-trainer-api.md, "Messages"): it is taken to be the web app's thumbs up or down, so it is
/// read tolerantly: a bare value, or a rating-like key holding up/down, positive/negative, like/dislike, 1/-1 or
/// true/false. Anything else is no rating, never a guess; the raw text stays in the export.
/// </summary>
internal static class Rating
{
    public const string Up = "up";
    public const string Down = "down";

    /// <summary>The keys looked at, most telling first.</summary>
    private static readonly string[] Keys = { "rating", "vote", "thumbs", "thumb", "feedback", "reaction", "sentiment", "score", "liked", "like", "helpful", "value", "type" };

    private static readonly string[] UpWords = { "up", "thumbs_up", "thumbsup", "thumbs-up", "thumbs up", "positive", "like", "liked", "good", "helpful", "yes", "+1", "1", "\U0001F44D" };
    private static readonly string[] DownWords = { "down", "thumbs_down", "thumbsdown", "thumbs-down", "thumbs down", "negative", "dislike", "disliked", "bad", "unhelpful", "no", "-1", "\U0001F44E" };

    /// <summary>"up", "down", or null when the feedback holds no rating this can read.</summary>
    /// <param name="feedback">The parsed feedback_json (Message.Feedback).</param>
    public static string? Of(object? feedback) => Read(feedback, depth: 0);

    private static string? Read(object? value, int depth)
    {
        switch (value)
        {
            case string text:
                string word = text.Trim().ToLowerInvariant();
                return UpWords.Contains(word) ? Up : DownWords.Contains(word) ? Down : null;
            case long number:
                return number > 0 ? Up : number < 0 ? Down : null;
            case double number:
                return number > 0 ? Up : number < 0 ? Down : null;
            case bool liked:
                return liked ? Up : Down;
            case JsonObject obj when depth < 2:
                foreach (string key in Keys)
                {
                    string? found = obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } pair ? Read(pair.Value, depth + 1) : null;
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
