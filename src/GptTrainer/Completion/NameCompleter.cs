namespace GptTrainer.Completion;

/// <summary>
/// Completes a -Name (or -Title) parameter with the names the service lists, quoted when they need to be,
/// so that "Get-GptTrainerChatbot HR&lt;Tab&gt;" becomes "Get-GptTrainerChatbot 'HR helpdesk'".
/// </summary>
public abstract class NameCompleter : ServiceListCompleter
{
    private protected sealed override IEnumerable<CompletionResult> Complete(string typed, IReadOnlyList<CompletionCandidate> candidates)
        => candidates
            .Where(c => c.Value.Length > 0 && c.Value.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0 && DisplayText.Safe(c.Value) == c.Value)
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(c => !c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .ThenBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(Quoted(c.Value), c.Value, CompletionResultType.ParameterValue, DisplayText.Safe(c.Label)))
            .ToList();

    /// <summary>
    /// A name as PowerShell must see it on a command line: bare when it is a plain word (a letter first, since
    /// 4k would read as the number 4096 and -x as a parameter), in single quotes otherwise.
    /// </summary>
    internal static string Quoted(string name)
        => (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/')
            ? name
            : "'" + name.Replace("'", "''") + "'";
}
