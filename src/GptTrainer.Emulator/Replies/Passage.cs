namespace GptTrainer.Emulator;

/// <summary>A few sentences of one source or document, numbered from 1 within it: the unit answers quote and cite.</summary>
public sealed record Passage(int Number, string Text, IReadOnlyList<string> Terms);
