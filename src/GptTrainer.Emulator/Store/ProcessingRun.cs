namespace GptTrainer.Emulator;

/// <summary>One pass of a source through processing: the status it began in, when (monotonic milliseconds), and how long it takes.</summary>
public sealed record ProcessingRun(string FirstStatus, long StartedMs, int DurationMs);
