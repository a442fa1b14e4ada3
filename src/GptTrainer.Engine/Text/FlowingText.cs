namespace GptTrainer.Text;

/// <summary>
/// Writes a reply the way a person reads it: as one flowing text, word-wrapped to the window, whatever
/// the pieces it arrives in. A word whose end has not arrived yet is held back until it has, so that a
/// line never breaks inside a word; everything else is written the moment it arrives, one write per piece.
/// </summary>
/// <param name="write">Where the text goes, such as the host's Write.</param>
/// <param name="width">The window's width; 0 or less for no wrapping.</param>
internal sealed class FlowingText(Action<string> write, int width)
{
    private readonly Action<string> _write = write;
    private readonly int _width = width;
    private readonly StringBuilder _word = new();
    private int _column;

    // Spaces after the last word written: they go out before the next word, or vanish if it starts a new line.
    private int _spaces;

    public void Write(string piece)
    {
        var output = new StringBuilder(piece.Length + 8);
        foreach (char c in piece)
        {
            if (c == '\r')
            {
                continue;
            }

            if (c == '\n')
            {
                FlushWord(output);
                output.Append('\n');
                _column = 0;
                _spaces = 0;
            }
            else if (c == ' ' || c == '\t')
            {
                FlushWord(output);
                _spaces++;
            }
            else
            {
                _word.Append(c);
            }
        }

        if (output.Length > 0)
        {
            _write(output.ToString());
        }
    }

    /// <summary>Writes the word held back for its end; call when the reply is over (or cut off).</summary>
    public void Finish()
    {
        var output = new StringBuilder();
        FlushWord(output);
        if (output.Length > 0)
        {
            _write(output.ToString());
        }
    }

    /// <summary>The column the next character lands in.</summary>
    public int Column => _column + _spaces + _word.Length;

    private void FlushWord(StringBuilder output)
    {
        if (_word.Length == 0)
        {
            return;
        }

        if (_width > 0 && _column > 0 && _column + _spaces + _word.Length > _width)
        {
            output.Append('\n');
            _column = 0;
        }
        else
        {
            output.Append(' ', _spaces);
            _column += _spaces;
        }

        _spaces = 0;

        // A word longer than the whole line is broken where the line ends, as the terminal would.
        string word = _word.ToString();
        _word.Clear();
        while (_width > 0 && _column + word.Length > _width)
        {
            int fits = _width - _column;
            output.Append(word, 0, fits).Append('\n');
            word = word.Substring(fits);
            _column = 0;
        }

        output.Append(word);
        _column += word.Length;
    }
}
