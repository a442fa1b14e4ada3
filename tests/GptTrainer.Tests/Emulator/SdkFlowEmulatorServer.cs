using GptTrainer.Emulator;

namespace GptTrainer.Tests;

/// <summary>An emulator that processes sources in a fraction of a second, so a test can wait for them as a client does, by looking.</summary>
public sealed class SdkFlowEmulatorServer : EmulatorServer
{
    protected override EmulatorOptions Options() => new() { PieceDelayMs = 0, ProcessingMs = 300 };
}
