namespace GptTrainer.Text;

/// <summary>
/// Writes a reply the way a person reads it: as one flowing text, word-wrapped to the window, whatever
/// the pieces it arrives in. A word whose end has not arrived yet is held back until it has, so that a
/// line never breaks inside a word; everything else is written the moment it arrives, one write per piece.
/// </summary>
/// <remarks>
/// What is shown is neutralised character by character as it arrives (<see cref="DisplayText"/>): a control
/// character becomes a visible escape such as \u001B, so no escape sequence reaches the terminal, even one
/// split across two pieces. Line breaks stay, a tab is shown as a space, a CR is dropped. The work and the
/// memory are bounded by a line: a word longer than the line (a reply without whitespace) is broken where
/// the line ends as it arrives, not held whole, so every Write does work in proportion to its piece.
/// </remarks>
/// <param name="write">Where the text goes, such as the host's Write.</param>
/// <param name="width">The window's width; 0 or less for no wrapping.</param>
internal sealed class FlowingText(Action<string> write, int width)
{
    private readonly Action<string> _write = write;
    private readonly int _width = width;

    // The unfinished word as it will be shown: never longer than a line once a Write returns.
    private readonly StringBuilder _word = new();
    private int _column;

    // Spaces after the last word written: they go out before the next word, or vanish if it starts a new
    // line. Never more than a line's worth: more could not show on the line anyway.
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
                AddSpace(output);
            }
            else if (DisplayText.IsControl(c))
            {
                // The escape is six visible characters, each counted on the line like any other.
                DisplayText.AppendEscape(_word, c);
                BreakIfOverflowing(output);
            }
            else
            {
                _word.Append(c);
                BreakIfOverflowing(output);
            }
        }

        if (_width <= 0)
        {
            // Nothing to wrap, so nothing to hold back but half of a character whose other half is yet to come.
            FlushWord(output, keepTrailingHalf: true);
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

    private void AddSpace(StringBuilder output)
    {
        if (_width <= 0)
        {
            output.Append(' ');
            _column++;
        }
        else if (_spaces < _width)
        {
            _spaces++;
        }
    }

    /// <summary>
    /// Keeps the unfinished word within the line: once it cannot end on the current line, the line ends
    /// before it; once it cannot fit on a line at all, what fits is written and the line ends there, as the
    /// terminal would break it, and only the rest is held.
    /// </summary>
    private void BreakIfOverflowing(StringBuilder output)
    {
        if (_width <= 0)
        {
            return;
        }

        if (_column > 0 && _column + _spaces + _word.Length > _width)
        {
            output.Append('\n');
            _column = 0;
            _spaces = 0;
        }

        while (_column == 0 && _spaces + _word.Length > _width)
        {
            int fits = _width - _spaces;
            if (fits > 0 && char.IsHighSurrogate(_word[fits - 1]))
            {
                // Never half a character on a line: one column short, or, where the line holds nothing
                // else, one over.
                fits += fits > 1 || _spaces > 0 ? -1 : 1;
            }

            output.Append(' ', _spaces).Append(_word.ToString(0, fits)).Append('\n');
            _word.Remove(0, fits);
            _spaces = 0;
        }
    }

    private void FlushWord(StringBuilder output, bool keepTrailingHalf = false)
    {
        int length = _word.Length;
        if (keepTrailingHalf && length > 0 && char.IsHighSurrogate(_word[length - 1]))
        {
            length--;
        }

        if (length == 0)
        {
            return;
        }

        // BreakIfOverflowing has already ended the line where the word would not fit.
        output.Append(' ', _spaces).Append(_word.ToString(0, length));
        _column += _spaces + length;
        _spaces = 0;
        _word.Remove(0, length);
    }
}
