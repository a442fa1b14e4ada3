namespace GptTrainer.Emulator;

/// <summary>
/// A seed file that cannot be read or applied; the message says where in the file and why, on one line
/// (the program prints it as its only output), so a line break or other control character in what it
/// quotes, the file's own name included, is written as an escape such as \n.
/// </summary>
public sealed class SeedException : Exception
{
    public SeedException(string message, Exception? inner = null)
        : base(OneLine(message), inner)
    {
    }

    private static string OneLine(string text)
        => string.Concat(text.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        }));
}
