namespace GptTrainer.Models;

/// <summary>
/// The outcome of one test case of Invoke-GptTrainerEvaluation. With -Repeat, the answer, citations, timings
/// and session are those of the run that explains the outcome: the first failed run of a failed case, the
/// last passing run of a passed one; RunResults holds each run.
/// </summary>
public sealed class EvaluationResult
{
    /// <summary>The case's place among all cases evaluated, from 1.</summary>
    public int Case { get; set; }

    public string? Name { get; set; }

    /// <summary>The question whose reply was checked: the only one, or the last of a conversation.</summary>
    public string Question { get; set; } = string.Empty;

    /// <summary>Every question of the case, in the order asked.</summary>
    public string[] Questions { get; set; } = Array.Empty<string>();

    public string? ChatbotUuid { get; set; }

    public bool Passed { get; set; }

    /// <summary>One sentence per failed check, naming the check and what was seen; empty when the case passed.</summary>
    public string[] Failures { get; set; } = Array.Empty<string>();

    public string? Answer { get; set; }

    public Citation[] Citations { get; set; } = Array.Empty<Citation>();

    public string? FinishReason { get; set; }

    public double? FirstPieceMs { get; set; }

    public double? DurationMs { get; set; }

    public string? SessionUuid { get; set; }

    public int Runs { get; set; }

    public int PassedRuns { get; set; }

    /// <summary>The failed request of the run shown, if one failed.</summary>
    /// <remarks>An error record in PowerShell, like <see cref="EvaluationRun.Error"/>.</remarks>
    public object? Error { get; set; }

    public EvaluationRun[] RunResults { get; set; } = Array.Empty<EvaluationRun>();

    /// <summary>The case as it was given; piping results back into Invoke-GptTrainerEvaluation runs those cases again.</summary>
    public IDictionary? TestCase { get; set; }

    /// <summary>The file the case was read from, if any.</summary>
    public string? Source { get; set; }

    public override string ToString() => $"{(Passed ? "Passed" : "Failed")}: {Name ?? Question}";
}
