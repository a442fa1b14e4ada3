namespace GptTrainer.Http;

/// <summary>
/// Turns the bytes of a streamed reply into text as they arrive. A character whose bytes are split
/// across two network reads is held back until its last byte arrives, never replaced or doubled.
/// </summary>
internal sealed class Utf8PieceDecoder
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly Decoder _decoder = Utf8.GetDecoder();
    private char[] _chars = new char[0];

    /// <summary>Decodes a read; returns an empty string when the read held only the start of a character.</summary>
    public string Decode(byte[] buffer, int offset, int count) => Convert(buffer, offset, count, flush: false);

    /// <summary>Ends the reply: bytes of an unfinished character become U+FFFD rather than vanishing.</summary>
    public string Flush() => Convert(Array.Empty<byte>(), 0, 0, flush: true);

    private string Convert(byte[] buffer, int offset, int count, bool flush)
    {
        // GetMaxCharCount allows for bytes held back from the previous read.
        int capacity = Utf8.GetMaxCharCount(count);
        if (_chars.Length < capacity)
        {
            _chars = new char[capacity];
        }

        int written = _decoder.GetChars(buffer, offset, count, _chars, 0, flush);
        return written == 0 ? string.Empty : new string(_chars, 0, written);
    }
}
