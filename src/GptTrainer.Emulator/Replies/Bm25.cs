namespace GptTrainer.Emulator;

/// <summary>
/// Okapi BM25 over passages: how well each passage matches a question's terms, weighing rare terms above
/// common ones and short passages above long ones. The usual constants; no randomness, so the same
/// knowledge and question always rank alike.
/// </summary>
public static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>One score per document, in the order given; a document is the list of its terms.</summary>
    public static double[] Score(IReadOnlyList<string> query, IReadOnlyList<IReadOnlyList<string>> documents)
    {
        var scores = new double[documents.Count];
        if (documents.Count == 0) return scores;
        double averageLength = Math.Max(1, documents.Average(d => d.Count));
        foreach (string term in query.Distinct())
        {
            int containing = documents.Count(d => d.Contains(term));
            if (containing == 0) continue;
            double idf = Math.Log(1 + (documents.Count - containing + 0.5) / (containing + 0.5));
            for (int i = 0; i < documents.Count; i++)
            {
                int frequency = documents[i].Count(t => t == term);
                if (frequency == 0) continue;
                scores[i] += idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * documents[i].Count / averageLength));
            }
        }

        return scores;
    }
}
