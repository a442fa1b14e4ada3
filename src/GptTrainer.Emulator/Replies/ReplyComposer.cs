using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GptTrainer.Emulator;

/// <summary>Composes replies from what the chatbot knows, the way a retrieval chatbot would (by keyword overlap).</summary>
public static class ReplyComposer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "which", "when", "where", "does", "have", "with", "about", "your", "this", "that", "there", "their",
        "from", "into", "will", "would", "could", "should", "tell", "please", "know", "they", "them", "then", "than",
    };

    public static ComposedReply Compose(Store store, SessionRecord session, string query, IReadOnlyCollection<string> documentUuids)
    {
        string? bestSentence = null;
        int bestScore = 0;
        object? bestOrigin = null;
        string[] words = KeywordsOf(query);
        bool showCitations;
        lock (store.Gate)
        {
            store.RefreshSources();
            showCitations = store.Chatbots.TryGetValue(session.ChatbotUuid, out ChatbotRecord? chatbot) && chatbot.ShowCitations;
            // A Q&A source is found by its question and its answer, but it is the answer that gets quoted.
            var candidates = store.Sources.Values.Where(s => s.ChatbotUuid == session.ChatbotUuid && s.Status == SourceProcessing.Done).Select(s => ((object)s, s.Text, s.MatchContext))
                .Concat(documentUuids.Where(store.Documents.ContainsKey).Select(u => ((object)store.Documents[u], store.Documents[u].Text, "")));
            foreach ((object origin, string text, string context) in candidates)
            {
                foreach (string sentence in SentencesOf(text))
                {
                    string searched = sentence + " " + context;
                    int score = words.Count(w => searched.Contains(w, StringComparison.OrdinalIgnoreCase));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestSentence = sentence;
                        bestOrigin = origin;
                    }
                }
            }
        }

        var reply = new StringBuilder();
        reply.Append("You asked: ").Append(query.Trim()).Append("\n\n");
        string cite = "{}";
        switch (bestOrigin)
        {
            case SourceRecord source:
                reply.Append("From \"").Append(source.Title).Append("\": ").Append(bestSentence);
                if (showCitations)
                {
                    reply.Append(" [1.1]");
                    cite = new JsonObject
                    {
                        ["1.1"] = new JsonObject
                        {
                            ["data_source_uuid"] = source.Uuid,
                            ["title"] = source.Title,
                            ["text"] = bestSentence,
                            ["file_name"] = source.FileName,
                            ["type"] = source.Type,
                        },
                    }.ToJsonString(ApiJson.Relaxed);
                }

                break;
            case DocumentRecord document:
                reply.Append("From your document \"").Append(document.FileName).Append("\": ").Append(bestSentence);
                break;
            default:
                reply.Append("I found nothing about that in this chatbot's sources.");
                break;
        }

        reply.Append("\n\nThis reply was written by the GptTrainer emulator, piece by piece, so that you can watch it arrive.");
        return new ComposedReply(reply.ToString(), cite);
    }

    private static string[] KeywordsOf(string query)
        => Regex.Matches(query, @"[\p{L}\p{N}]{4,}")
            .Select(m => m.Value.ToLowerInvariant())
            .Where(w => !StopWords.Contains(w))
            .Distinct()
            .ToArray();

    private static IEnumerable<string> SentencesOf(string text)
        => Regex.Split(text, @"(?<=[.!?])\s+|\n+").Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>Groups of a few words, whitespace and newlines kept, as a model streams tokens.</summary>
    public static List<byte[]> PiecesOf(string text, bool splitUtf8)
    {
        if (splitUtf8)
        {
            return SplitInsideCharacters(Encoding.UTF8.GetBytes(text));
        }

        var pieces = new List<byte[]>();
        MatchCollection tokens = Regex.Matches(text, @"\s*\S+\s*");
        for (int i = 0; i < tokens.Count; i += 3)
        {
            string piece = string.Concat(tokens.Skip(i).Take(3).Select(t => t.Value));
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
}
