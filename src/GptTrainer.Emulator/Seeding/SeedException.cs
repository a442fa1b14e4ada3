namespace GptTrainer.Emulator;

/// <summary>A seed file that cannot be read or applied; the message says where in the file and why.</summary>
public sealed class SeedException : Exception
{
    public SeedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
