using System.Management.Automation.Language;

namespace GptTrainer.Completion;

/// <summary>Completes a uuid parameter from a list the service returns, matching typed text against uuid or name.</summary>
public abstract class UuidCompleter : IArgumentCompleter
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
            yield break;
        }

        foreach (CompletionCandidate candidate in candidates
            .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || c.Label.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase))
        {
            string label = DisplayText.Safe(candidate.Label);
            yield return new CompletionResult(candidate.Value, label, CompletionResultType.ParameterValue, $"{label} ({candidate.Value})");
        }
    }

    private protected abstract IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters);

    /// <summary>The chatbot the command line names, else the current one; null when there is none.</summary>
    internal static string? ChatbotOf(IDictionary fakeBoundParameters)
    {
        object? given = fakeBoundParameters.Contains("ChatbotUuid") ? fakeBoundParameters["ChatbotUuid"] : null;
        if (given is PSObject wrapped)
        {
            given = wrapped.BaseObject;
        }

        return given is string text ? InputRules.NormalizeUuid(text) : ModuleState.Current.ChatbotUuid;
    }

    /// <summary>Candidates from a list that belongs to the chatbot the command line names (or the current one).</summary>
    internal static IReadOnlyList<CompletionCandidate> ListUnderChatbot<T>(
        IDictionary fakeBoundParameters,
        string list,
        Func<GptTrainerApi, string, CancellationToken, Task<List<T>>> fetch,
        Func<T, CompletionCandidate> candidate)
    {
        string? chatbot = ChatbotOf(fakeBoundParameters);
        if (chatbot is null)
        {
            return Array.Empty<CompletionCandidate>();
        }

        return CompletionCache.Get(list + "|" + chatbot, async (api, token) =>
            (await fetch(api, chatbot, token).ConfigureAwait(false)).Select(candidate).ToList());
    }
}
