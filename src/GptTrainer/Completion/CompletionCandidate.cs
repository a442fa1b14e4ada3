namespace GptTrainer.Completion;

/// <summary>One value tab completion offers, with the text shown for it.</summary>
internal readonly struct CompletionCandidate
{
    public CompletionCandidate(string value, string label)
    {
        Value = value;
        Label = label;
    }

    public string Value { get; }

    public string Label { get; }
}
