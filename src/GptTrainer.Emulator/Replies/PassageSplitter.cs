using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace GptTrainer.Emulator;

/// <summary>
/// Cuts a text into passages of up to three sentences (fewer when they are long), never across a
/// paragraph, as a retrieval service cuts sources into chunks. A line break ends a sentence too, so that
/// lists and headings stay whole.
/// </summary>
public static class PassageSplitter
{
    private const int MaxSentences = 3;
    private const int MaxWords = 60;

    private static readonly Regex Paragraphs = new(@"\n[ \t]*\n\s*", RegexOptions.Compiled);
    private static readonly Regex Sentences = new(@"(?<=[.!?])\s+|\n", RegexOptions.Compiled);

    // A text is split once however many questions it answers; texts are immutable, so the text is the key.
    private static readonly ConditionalWeakTable<string, IReadOnlyList<Passage>> Cache = new();

    public static IReadOnlyList<Passage> Split(string text) => Cache.GetValue(text, SplitNow);

    private static IReadOnlyList<Passage> SplitNow(string text)
    {
        var passages = new List<Passage>();
        foreach (string paragraph in Paragraphs.Split(text.Replace("\r\n", "\n").Replace('\r', '\n')))
        {
            var sentences = new List<string>();
            int words = 0;
            foreach (string sentence in Sentences.Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                int length = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (sentences.Count > 0 && (sentences.Count == MaxSentences || words + length > MaxWords))
                {
                    Add(passages, sentences);
                    sentences.Clear();
                    words = 0;
                }

                sentences.Add(sentence);
                words += length;
            }

            if (sentences.Count > 0)
            {
                Add(passages, sentences);
            }
        }

        return passages;
    }

    private static void Add(List<Passage> passages, List<string> sentences)
    {
        string text = string.Join(" ", sentences);
        passages.Add(new Passage(passages.Count + 1, text, Terms.Of(text)));
    }
}
