using System.Management.Automation.Language;

namespace GptTrainer.Completion;

/// <summary>
/// Completes a -Name (or -Title) parameter with the names the service lists, quoted when they need to be,
/// so that "Get-GptTrainerChatbot HR&lt;Tab&gt;" becomes "Get-GptTrainerChatbot 'HR helpdesk'".
/// </summary>
public abstract class NameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        IReadOnlyList<CompletionCandidate> candidates;
        try
        {
            candidates = Candidates(fakeBoundParameters);
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }

        return candidates
            .Where(c => c.Value.Length > 0 && c.Value.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0 && DisplayText.Safe(c.Value) == c.Value)
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(c => !c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .ThenBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(Quoted(c.Value), c.Value, CompletionResultType.ParameterValue, DisplayText.Safe(c.Label)))
            .ToList();
    }

    private protected abstract IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters);

    /// <summary>
    /// A name as PowerShell must see it on a command line: bare when it is a plain word (a letter first, since
    /// 4k would read as the number 4096 and -x as a parameter), in single quotes otherwise.
    /// </summary>
    internal static string Quoted(string name)
        => (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/')
            ? name
            : "'" + name.Replace("'", "''") + "'";
}
