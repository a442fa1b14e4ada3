using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>How replies are produced: composed from the chatbot's sources, scripted, or generated for benchmarks.</summary>
public sealed class ReplyPlan
{
    /// <summary>Pause between two pieces of a composed or scripted reply.</summary>
    public int PieceDelayMs;

    /// <summary>
    /// When above 0, a composed or scripted reply takes this long from its first piece to its end, its pieces
    /// spread evenly over it (PieceDelayMs is then ignored): a fixed cost per reply for benchmarks of clients
    /// that ask many questions at once.
    /// </summary>
    public int DurationMs;

    /// <summary>Replace the composed reply's text (still split into pieces).</summary>
    public string? Text;

    /// <summary>Exact pieces, written and flushed one by one.</summary>
    public List<string>? Pieces;

    /// <summary>Split every multi-byte character of the reply between two flushed pieces.</summary>
    public bool SplitUtf8;

    /// <summary>Write this many pieces, then hold the rest until /_emulator/release (or 30 s).</summary>
    public int? HoldAfterPieces;

    /// <summary>Benchmark reply: this many generated pieces of PieceSize bytes, each flushed alone.</summary>
    public long GeneratePieces;
    public int PieceSize = 16;

    /// <summary>Benchmark reply: this many bytes written in large chunks as fast as the socket takes them.</summary>
    public long GenerateBytes;

    /// <summary>
    /// The text GenerateBytes repeats (ASCII; by default a sentence and a line break): "x" makes a reply
    /// with no whitespace at all, longer than a control request's body could carry as pieces.
    /// </summary>
    public string? GenerateText;

    /// <summary>Benchmark reply: pieces paced this far apart, each carrying the time it was written.</summary>
    public int StampIntervalMs;
    public int StampCount;

    public static ReplyPlan FromJson(JsonObject json, ReplyPlan defaults) => new()
    {
        PieceDelayMs = (int?)json["pieceDelayMs"] ?? defaults.PieceDelayMs,
        DurationMs = (int?)json["durationMs"] ?? 0,
        Text = (string?)json["text"],
        Pieces = json["pieces"] is JsonArray pieces ? pieces.Select(p => (string?)p ?? "").ToList() : null,
        SplitUtf8 = (bool?)json["splitUtf8"] ?? false,
        HoldAfterPieces = (int?)json["holdAfterPieces"],
        GeneratePieces = (long?)json["generatePieces"] ?? 0,
        PieceSize = (int?)json["pieceSize"] ?? 16,
        GenerateBytes = (long?)json["generateBytes"] ?? 0,
        GenerateText = (string?)json["generateText"] is { Length: > 0 } repeated ? repeated : null,
        StampIntervalMs = (int?)json["stampIntervalMs"] ?? 0,
        StampCount = (int?)json["stampCount"] ?? 0,
    };
}
