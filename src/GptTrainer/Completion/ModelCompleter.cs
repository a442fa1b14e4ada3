using System.Management.Automation.Language;

namespace GptTrainer.Completion;

/// <summary>Completes -Model from the service's model catalogue, showing each model's credit cost.</summary>
public sealed class ModelCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        IReadOnlyList<CompletionCandidate> models = CompletionCache.Get("models", async (api, token) =>
            (await api.Models.ListAsync(token).ConfigureAwait(false))
                .Where(m => m.Selectable)
                .Select(m => new CompletionCandidate(m.Model, m.CreditsPerMessage is long credits ? $"{m.Model} ({credits} {(credits == 1 ? "credit" : "credits")} per message)" : m.Model))
                .ToList());

        return models
            .Where(m => m.Value.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0 && DisplayText.Safe(m.Value) == m.Value)
            .Select(m => new CompletionResult(m.Value, DisplayText.Safe(m.Value), CompletionResultType.ParameterValue, DisplayText.Safe(m.Label)));
    }
}
