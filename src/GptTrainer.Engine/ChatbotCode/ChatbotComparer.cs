namespace GptTrainer.ChatbotCode;

/// <summary>
/// Compare-GptTrainerChatbot's work: reads the compared chatbot and reports each way it differs from the
/// reference (an export folder, or another chatbot read the same way). Reads only.
/// </summary>
internal static class ChatbotComparer
{
    /// <summary>
    /// Differences of chatbot <paramref name="chatbotUuid"/> from <paramref name="reference"/>. Placeholders of the
    /// reference are resolved from <paramref name="environment"/> where set; a header whose variable is not set is
    /// not compared, with a warning.
    /// </summary>
    public static async Task<List<ChatbotDifference>> CompareAsync(GptTrainerApi api, Operations.IOperationHost host, ChatbotDocument reference, string chatbotUuid, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        SecretHandling.Resolve(reference, environment);
        ChatbotDocument actual = await LiveReader.ReadAsync(api, chatbotUuid, SecretHandling.Included, cancellationToken).ConfigureAwait(false);
        var comparison = DocumentComparison.Of(reference, actual);
        foreach (string secret in comparison.UnresolvedSecrets)
        {
            host.Warning($"The {DisplayText.Safe(secret)} was not compared: its environment variable is not set.");
        }

        return comparison.Differences(chatbotUuid).ToList();
    }
}
