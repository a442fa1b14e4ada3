using System.Management.Automation.Language;

namespace GptTrainer.Completion;

/// <summary>
/// Base of the completers that offer what the service lists. Tab completion must never show an error, so a
/// list that cannot be had (no connection, a refusal, a timeout) offers nothing.
/// </summary>
public abstract class ServiceListCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyList<CompletionCandidate> candidates;
        try
        {
            candidates = Candidates(fakeBoundParameters);
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }

        return Complete(Typed(wordToComplete), candidates);
    }

    /// <summary>What the user typed so far, without the quote they may have opened.</summary>
    internal static string Typed(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

    private protected abstract IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters);

    private protected abstract IEnumerable<CompletionResult> Complete(string typed, IReadOnlyList<CompletionCandidate> candidates);
}
