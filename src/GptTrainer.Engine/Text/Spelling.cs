namespace GptTrainer.Text;

/// <summary>"Did you mean" for a word typed a letter or two away from one of a known set, case aside.</summary>
internal static class Spelling
{
    /// <summary>The known word closest to <paramref name="typed"/>, or null when none is near enough to be what was meant.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
        => known
            .Select(word => (Word: word, Distance: EditDistance(typed.ToLowerInvariant(), word.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(3, typed.Length / 3)))
            .OrderBy(c => c.Distance)
            .Select(c => c.Word)
            .FirstOrDefault();

    /// <summary>" (did you mean 'Contains'?)", or nothing.</summary>
    public static string Suggestion(string typed, IEnumerable<string> known)
        => Closest(typed, known) is string closest ? $" (did you mean '{closest}'?)" : string.Empty;

    private static int EditDistance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
