using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GptTrainer.Emulator;

/// <summary>
/// Answers a question from what a chatbot knows, the way a retrieval chatbot does: the passages that
/// match the question best (BM25), each its own paragraph (a blank line apart, so that clients reading
/// lines see one per passage), with citation markers when the chatbot shows them. Deterministic: the same
/// knowledge and question give the same reply.
/// </summary>
/// <remarks>The rules and why they are so: docs/gpt-trainer-api.md, "Answers in the emulator".</remarks>
public static class ReplyComposer
{
    /// <summary>Short, as a bot's refusal is: tests stream it often, a word at a time.</summary>
    public const string NothingKnown = "I don't have information about that in my knowledge base.";

    /// <summary>
    /// The refusal to a question that asks for several paragraphs or a list. The service's model answers
    /// such a question at length, in paragraphs or lines, and clients that read a reply line by line (the
    /// SDK's stream reader yields lines) expect more than one; so the emulator refuses in paragraphs too.
    /// </summary>
    public const string NothingKnownAtLength = NothingKnown
        + "\n\nI can only answer from the sources this chatbot has been given, and none of them covers this question."
        + "\n\nAsk me about something they cover, or add a source that does.";

    /// <summary>Words by which a question asks for an answer of several paragraphs or lines.</summary>
    private static readonly Regex AsksAtLength = new(
        @"\b(essays?|paragraphs|\d+[- ]paragraphs?|lists?|bullets?|bullet points|steps|step[- ]by[- ]step|outline)\b",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const int MaxPassages = 3;

    /// <summary>A passage below this share of the best one's score adds noise rather than an answer.</summary>
    private const double RelativeFloor = 0.5;

    public static ComposedReply Compose(Knowledge knowledge, string query)
    {
        string[] asked = Terms.Of(query).Distinct().ToArray();
        List<Candidate> candidates = CandidatesOf(knowledge);
        double[] scores = Bm25.Score(asked, candidates.Select(c => c.Terms).ToList());
        double best = scores.DefaultIfEmpty(0).Max();
        // A passage must also share a third of the question's terms, so that one common word is not an answer.
        int needed = (asked.Length + 2) / 3;
        List<Candidate> chosen = candidates
            .Select((candidate, index) => (candidate, index, score: scores[index]))
            .Where(c => c.score > 0 && c.score >= RelativeFloor * best && asked.Count(c.candidate.Terms.Contains) >= needed)
            .OrderByDescending(c => c.score)
            .ThenBy(c => c.index)
            .Take(MaxPassages)
            .Select(c => c.candidate)
            .ToList();
        if (chosen.Count == 0)
        {
            return new ComposedReply(AsksAtLength.IsMatch(query) ? NothingKnownAtLength : NothingKnown, "{}");
        }

        var paragraphs = new List<string>();
        var cites = new JsonObject();
        var sourceNumbers = new Dictionary<SourceRecord, int>();
        var passagesCited = new Dictionary<SourceRecord, int>();
        foreach (Candidate candidate in chosen)
        {
            if (!knowledge.ShowCitations || candidate.Source is not SourceRecord source)
            {
                paragraphs.Add(candidate.Passage.Text);
                continue;
            }

            // Sources are numbered in the order the reply first cites them, and passages likewise within each.
            int x = sourceNumbers.TryGetValue(source, out int known) ? known : sourceNumbers[source] = sourceNumbers.Count + 1;
            int y = passagesCited[source] = passagesCited.GetValueOrDefault(source) + 1;
            string key = $"{x}.{y}";
            paragraphs.Add(WithMarker(candidate.Passage.Text, key));
            cites[key] = new JsonObject
            {
                ["data_source_uuid"] = source.Uuid,
                ["title"] = source.Title,
                ["text"] = candidate.Passage.Text,
                ["file_name"] = source.FileName,
                ["type"] = source.Type,
            };
        }

        return new ComposedReply(string.Join("\n\n", paragraphs), cites.Count > 0 ? cites.ToJsonString(ApiJson.Relaxed) : "{}");
    }

    /// <summary>Sources first, in the order they were added, then documents: the order that breaks ties.</summary>
    private static List<Candidate> CandidatesOf(Knowledge knowledge)
    {
        var candidates = new List<Candidate>();
        foreach (SourceRecord source in knowledge.Sources)
        {
            // A Q&A source is found by its question as well, but only its answer is quoted.
            string[] context = Terms.Of(source.MatchContext);
            candidates.AddRange(PassageSplitter.Split(source.Text).Select(p => new Candidate(source, p, context.Length == 0 ? p.Terms : p.Terms.Concat(context).ToList())));
        }

        foreach (DocumentRecord document in knowledge.Documents)
        {
            candidates.AddRange(PassageSplitter.Split(document.Text).Select(p => new Candidate(document, p, p.Terms)));
        }

        return candidates;
    }

    /// <summary>The marker goes before a closing full stop, as the service writes "... Enterprise [1.1].".</summary>
    private static string WithMarker(string text, string key)
        => text.Length > 0 && text[^1] is '.' or '!' or '?'
            ? $"{text[..^1]} [{key}]{text[^1]}"
            : $"{text} [{key}]";

    /// <summary>Groups of words, whitespace and newlines kept, as a model streams tokens: one word per piece for answers, three for scripted text.</summary>
    public static List<byte[]> PiecesOf(string text, bool splitUtf8, int wordsPerPiece)
    {
        if (splitUtf8)
        {
            return SplitInsideCharacters(Encoding.UTF8.GetBytes(text));
        }

        var pieces = new List<byte[]>();
        MatchCollection tokens = Regex.Matches(text, @"\s*\S+\s*");
        for (int i = 0; i < tokens.Count; i += wordsPerPiece)
        {
            string piece = string.Concat(tokens.Skip(i).Take(wordsPerPiece).Select(t => t.Value));
            pieces.Add(Encoding.UTF8.GetBytes(piece));
        }

        return pieces;
    }

    /// <summary>Cuts the bytes after the first byte of every multi-byte character.</summary>
    private static List<byte[]> SplitInsideCharacters(byte[] bytes)
    {
        var pieces = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            bool leadByte = bytes[i] >= 0xC0;
            if (leadByte)
            {
                pieces.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            pieces.Add(bytes[start..]);
        }

        return pieces;
    }

    private sealed record Candidate(Record Source, Passage Passage, IReadOnlyList<string> Terms);
}
