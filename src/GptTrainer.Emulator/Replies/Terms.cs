using System.Text.RegularExpressions;

namespace GptTrainer.Emulator;

/// <summary>
/// The words a question and a passage are matched on: letters and digits, case-folded, without the
/// words every question has (and stray letters such as the "t" of "don't"), and with a plural "s" taken
/// off so that "returns" finds "return".
/// </summary>
public static class Terms
{
    private static readonly Regex Word = new(@"[\p{L}\p{N}]+", RegexOptions.Compiled);

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "does", "for", "from", "get", "give", "had", "has", "have", "how", "i", "if",
        "in", "into", "is", "it", "its", "know", "let", "many", "me", "much", "my", "of", "on", "or", "our", "please", "should",
        "so", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "us", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "whose", "why", "will",
        "with", "would", "you", "your",
    };

    public static string[] Of(string text)
        => Word.Matches(text)
            .Select(m => Fold(m.Value.ToLowerInvariant()))
            .Where(w => !StopWords.Contains(w) && (w.Length > 1 || char.IsDigit(w[0])))
            .ToArray();

    private static string Fold(string word)
        => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)
            ? word[..^1]
            : word;
}
