namespace GptTrainer.Conversations;

/// <summary>
/// The price a usage report estimates each message at: the credits per message of the model of the chatbot's
/// user-facing agent, from the model costs (GET /agent/model-costs, undocumented). The service's own count may
/// differ: which agent answered each message is not recorded, and what it charges for failed answers or
/// background agents is not documented. So it is an estimate, and says what it is based on.
/// </summary>
internal sealed class UsagePrice
{
    private UsagePrice(string? model, long? creditsPerMessage, string basis, IReadOnlyList<string> warnings)
    {
        Model = model;
        CreditsPerMessage = creditsPerMessage;
        Basis = basis;
        Warnings = warnings;
    }

    public string? Model { get; }

    public long? CreditsPerMessage { get; }

    /// <summary>How the estimate is made, in a sentence, for every row of the report.</summary>
    public string Basis { get; }

    /// <summary>What makes the estimate doubtful or impossible, for the person reading the report.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The answering agent is the first enabled user-facing agent the chatbot lists (as the emulator answers),
    /// or its first user-facing agent when none is enabled. A price that cannot be known (no such agent, a model
    /// without a listed cost, model costs that cannot be read) is no estimate, with a warning, never a failure.
    /// </summary>
    public static async Task<UsagePrice> ForChatbotAsync(GptTrainerApi api, string chatbotUuid, CancellationToken cancellationToken)
    {
        List<Agent> agents;
        List<ModelInfo> models;
        try
        {
            agents = await api.Agents.ListAsync(chatbotUuid, cancellationToken).ConfigureAwait(false);
            models = await api.Models.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GptTrainerException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return None($"the chatbot's agents or the model costs could not be read ({ex.Message})");
        }

        var warnings = new List<string>();
        List<Agent> userFacing = agents.Where(a => a.Type == "user-facing").ToList();
        Agent? answering = userFacing.FirstOrDefault(a => a.Enabled);
        if (answering is null && userFacing.Count > 0)
        {
            answering = userFacing[0];
            warnings.Add($"Chatbot {chatbotUuid} has no enabled user-facing agent; messages are priced at the model of '{DisplayText.Safe(answering.Name)}', its first.");
        }

        if (answering is null)
        {
            return None($"chatbot {chatbotUuid} has no user-facing agent, whose model would give the price");
        }

        string agentName = DisplayText.Safe(answering.Name);
        if (string.IsNullOrEmpty(answering.Model))
        {
            return None($"its user-facing agent '{agentName}' names no model");
        }

        string model = answering.Model!;
        List<string> others = userFacing.Where(a => a.Enabled && a != answering && a.Model != model).Select(a => $"{DisplayText.Safe(a.Model)} for '{DisplayText.Safe(a.Name)}'").ToList();
        if (others.Count > 0)
        {
            warnings.Add($"Chatbot {chatbotUuid} has other enabled user-facing agents with other models ({string.Join(", ", others)}). Which agent answered each message is not recorded, so every message is priced at {DisplayText.Safe(model)}, the model of '{agentName}'.");
        }

        long? credits = models.FirstOrDefault(m => m.Model == model)?.CreditsPerMessage;
        if (credits is null)
        {
            return None($"the model costs list no price for {DisplayText.Safe(model)}, the model of its user-facing agent '{agentName}'", warnings);
        }

        string basis = $"Estimate: each message at {credits} {(credits == 1 ? "credit" : "credits")}, the price of {DisplayText.Safe(model)}, the model of the user-facing agent '{agentName}'; the service's own count may differ.";
        return new UsagePrice(model, credits, basis, warnings);
    }

    private static UsagePrice None(string why, List<string>? warnings = null)
    {
        var all = warnings ?? new List<string>();
        all.Add($"Credits are not estimated: {why}.");
        return new UsagePrice(null, null, $"No estimate: {why}.", all);
    }
}
