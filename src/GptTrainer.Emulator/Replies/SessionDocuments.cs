namespace GptTrainer.Emulator;

/// <summary>
/// Which documents a session's answers draw on. A document belongs to the session whose message first
/// names it, and every later answer of that session uses it, as long as the answering agent's model
/// has 16k of context or more (below that the service ignores documents). Documents may fill 35% of the
/// model's context together, in the emulator's tokens; beyond that the reply is the service's notice
/// instead of an answer: the first when the new document does not fit even alone, the second when it
/// would fit alone but not beside the session's earlier ones.
/// </summary>
/// <remarks>
/// The share is set by the SDK's live test: with a 32k model the service takes sixteen copies of its
/// 565-token story alone but not a seventeenth beside them, so its limit lies between 9,040 and 9,605 of
/// its tokens, about 30% of the context. The emulator's tokens are a quarter of the bytes, which counts
/// English prose about a fifth higher (682 for that story), so the same line falls at 35% of the context
/// in its tokens. docs/gpt-trainer-api.md, "Sessions", has the numbers.
/// </remarks>
/// <remarks>Every member runs under the store's lock.</remarks>
public static class SessionDocuments
{
    public const int MinimumContext = 16_000;

    public const string TooLong = "The uploaded file(s) are too long, please reduce the length and try again.";

    public const string TooMuch = "The uploaded file(s) are too long, please reduce the length and try again, or start a new chat session.";

    public static long Budget(string model) => ModelCatalogue.ContextTokens(model) * 35L / 100;

    public static bool Used(string model) => ModelCatalogue.ContextTokens(model) >= MinimumContext;

    /// <summary>The reason a message may not name a document at all, or null when it may.</summary>
    public static string? Refusal(Store store, SessionRecord session, string uuid)
        => !store.Documents.TryGetValue(uuid, out DocumentRecord? document) ? $"unknown session document {uuid}"
            : document.SessionUuid is string owner && owner != session.Uuid ? $"session document {uuid} belongs to another session"
            : null;

    /// <summary>
    /// Takes the documents a message names into its session; null when they fit (or are ignored), else the
    /// notice to answer with. A document that does not fit is not taken, so the session goes on without it.
    /// </summary>
    public static string? Admit(SessionRecord session, IEnumerable<DocumentRecord> named, string model)
    {
        if (!Used(model)) return null;
        List<DocumentRecord> added = named.Where(d => d.SessionUuid is null).Distinct().ToList();
        long budget = Budget(model);
        if (added.Any(d => d.Tokens > budget)) return TooLong;
        if (session.Documents.Sum(d => d.Tokens) + added.Sum(d => d.Tokens) > budget) return TooMuch;
        foreach (DocumentRecord document in added)
        {
            document.SessionUuid = session.Uuid;
            session.Documents.Add(document);
        }

        return null;
    }

    public static IReadOnlyList<DocumentRecord> InUse(SessionRecord session, string model)
        => Used(model) ? session.Documents.ToList() : Array.Empty<DocumentRecord>();
}
