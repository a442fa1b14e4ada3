namespace GptTrainer.Completion;

/// <summary>Completes a uuid parameter from a list the service returns, matching typed text against uuid or name.</summary>
public abstract class UuidCompleter : ServiceListCompleter
{
    private protected sealed override IEnumerable<CompletionResult> Complete(string typed, IReadOnlyList<CompletionCandidate> candidates)
        => candidates
            .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || c.Label.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
            .Select(c =>
            {
                string label = DisplayText.Safe(c.Label);
                return new CompletionResult(c.Value, label, CompletionResultType.ParameterValue, $"{label} ({c.Value})");
            })
            .ToList();

    /// <summary>The chatbot the command line names, else the current one; null when there is none.</summary>
    internal static string? ChatbotOf(IDictionary fakeBoundParameters)
    {
        object? given = PowerShellValues.Unwrap(fakeBoundParameters.Contains("ChatbotUuid") ? fakeBoundParameters["ChatbotUuid"] : null);

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

        return CompletionCache.Get(list + "|" + chatbot, (api, token) => fetch(api, chatbot, token), items => items.Select(candidate));
    }
}
