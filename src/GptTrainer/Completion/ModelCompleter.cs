namespace GptTrainer.Completion;

/// <summary>Completes -Model from the service's model catalogue, showing each model's credit cost.</summary>
public sealed class ModelCompleter : NameCompleter
{
    private protected override IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
        => CompletionCache.Get(
            "models",
            (api, token) => api.Models.ListAsync(token),
            models => models
                .Where(m => m.Selectable)
                .Select(m => new CompletionCandidate(m.Model, m.CreditsPerMessage is long credits ? $"{m.Model} ({credits} {(credits == 1 ? "credit" : "credits")} per message)" : m.Model)));
}
