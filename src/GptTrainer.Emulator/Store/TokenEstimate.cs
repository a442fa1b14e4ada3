namespace GptTrainer.Emulator;

/// <summary>
/// How many tokens the emulator takes a text to be: a quarter of its UTF-8 bytes, the usual rule of thumb
/// for English. One rule for sources and session documents, so that sizes compare across both.
/// </summary>
public static class TokenEstimate
{
    public static long FromBytes(long bytes) => (bytes + 3) / 4;
}
