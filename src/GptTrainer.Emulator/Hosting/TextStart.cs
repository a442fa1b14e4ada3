using System.Buffers;

namespace GptTrainer.Emulator;

/// <summary>
/// The start of a text, read through a pooled buffer: the emulator keeps only the first part of request
/// bodies and uploaded files, and a fresh buffer of that size for every request would cost more than the
/// request itself.
/// </summary>
public static class TextStart
{
    public static async Task<string> ReadAsync(TextReader reader, int maxChars)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(maxChars);
        try
        {
            int read = await reader.ReadBlockAsync(buffer, 0, maxChars);
            return new string(buffer, 0, read);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
