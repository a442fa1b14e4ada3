namespace GptTrainer.ChatbotCode;

/// <summary>One property whose value differs: the target's (old) and the reference's (new). A secret's values are never shown.</summary>
internal sealed record PropertyChange(string Property, object? Old, object? New, bool Secret)
{
    public object? OldForOutput => Secret ? Masked(Old) : Canonical.ForOutput(Old);

    public object? NewForOutput => Secret ? Masked(New) : Canonical.ForOutput(New);

    private static string? Masked(object? value) => value is null ? null : SecretRedactor.Mask;
}
