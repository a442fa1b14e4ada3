namespace GptTrainer.Models;

/// <summary>One run of a test case: a fresh session, its questions asked in order, and the checks on the last reply.</summary>
public sealed class EvaluationRun
{
    /// <summary>1 for the first run of the case; -Repeat runs a case several times.</summary>
    public int Run { get; set; }

    public bool Passed { get; set; }

    /// <summary>One sentence per failed check, naming the check and what was seen.</summary>
    public string[] Failures { get; set; } = Array.Empty<string>();

    /// <summary>The last reply's text as it streamed in; when a request failed midway, what had arrived.</summary>
    public string? Answer { get; set; }

    public Citation[] Citations { get; set; } = Array.Empty<Citation>();

    public string? FinishReason { get; set; }

    /// <summary>From sending the last question to its first piece, without waits the service asked for before it answered.</summary>
    public double? FirstPieceMs { get; set; }

    /// <summary>From sending the last question to the end of its reply, likewise.</summary>
    public double? DurationMs { get; set; }

    public string? SessionUuid { get; set; }

    public string? MessageUuid { get; set; }

    /// <summary>
    /// The failed request, when one failed; the run then fails with it and the other runs go on. In PowerShell
    /// an error record; its type is the host's, since the engine knows no PowerShell.
    /// </summary>
    public object? Error { get; set; }

    public override string ToString() => $"Run {Run}: {(Passed ? "passed" : "failed")}";
}
