using System.Text;
using GptTrainer.Text;
using Xunit;

namespace GptTrainer.Tests;

public class FlowingTextTests
{
    private static (string Text, List<string> Writes) Flow(int width, params string[] pieces)
    {
        var writes = new List<string>();
        var text = new FlowingText(writes.Add, width);
        foreach (string piece in pieces)
        {
            text.Write(piece);
        }

        text.Finish();
        return (string.Concat(writes), writes);
    }

    [Fact]
    public void JoinsPiecesIntoOneFlowingTextWithoutALinePerPiece()
    {
        (string text, _) = Flow(80, "You can ", "reset it ", "in Settings.");
        Assert.Equal("You can reset it in Settings.", text);
    }

    [Fact]
    public void WrapsAtWordsToTheWidthEvenWhenAWordArrivesInTwoPieces()
    {
        (string text, _) = Flow(20, "The quick brown fo", "x jumps over the lazy dog again and again.");
        string[] lines = text.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 20, $"'{line}' is wider than 20"));
        Assert.Equal("The quick brown fox jumps over the lazy dog again and again.", string.Join(" ", lines));
        Assert.Equal("The quick brown fox", lines[0]);
    }

    [Fact]
    public void KeepsTheReplysOwnLineAndParagraphBreaks()
    {
        (string text, _) = Flow(80, "First paragraph.\r\n\r\nSecond ", "one.");
        Assert.Equal("First paragraph.\n\nSecond one.", text);
    }

    [Fact]
    public void BreaksAWordLongerThanTheLine()
    {
        (string text, _) = Flow(10, "a ", new string('x', 25));
        Assert.Equal("a\nxxxxxxxxxx\nxxxxxxxxxx\nxxxxx", text);
    }

    [Fact]
    public void WritesOncePerPieceAndHoldsOnlyAnUnfinishedWord()
    {
        (_, List<string> writes) = Flow(80, "one two", " three");
        Assert.Equal(new[] { "one", " two", " three" }, writes);
    }

    [Fact]
    public void DoesNotWrapWithoutAWidth()
    {
        string line = string.Join(" ", Enumerable.Repeat("word", 100));
        Assert.Equal(line, Flow(0, line).Text);
    }

    // Issue 18, item 5: a server must not drive the terminal through the text shown.
    [Theory]
    [InlineData("title \u001B]2;pwned\u0007 set", "title \\u001B]2;pwned\\u0007 set")]
    [InlineData("clip \u001B]52;c;aGk=\u0007 end", "clip \\u001B]52;c;aGk=\\u0007 end")]
    [InlineData("wipe \u001B[2J now", "wipe \\u001B[2J now")]
    [InlineData("c1 \u009B2J del\u007F", "c1 \\u009B2J del\\u007F")]
    [InlineData("bidi \u202Eevil\u202C \u2066x\u2069", "bidi \\u202Eevil\\u202C \\u2066x\\u2069")]
    [InlineData("bell\u0007 and backspace\b", "bell\\u0007 and backspace\\u0008")]
    public void ShowsControlCharactersAsVisibleEscapes(string reply, string shown)
    {
        Assert.Equal(shown, Flow(80, reply).Text);
    }

    [Fact]
    public void AnEscapeSequenceSplitAcrossPiecesDoesNotGetThrough()
    {
        (string text, List<string> writes) = Flow(80, "before \u001B", "]2;title\u0007 after \u001B", "[2J", " end");
        Assert.Equal("before \\u001B]2;title\\u0007 after \\u001B[2J end", text);
        Assert.All(writes, write => Assert.DoesNotContain(write, IsControlShown));
    }

    [Fact]
    public void KeepsLineBreaksTabsAndCharactersSplitAcrossPieces()
    {
        // A surrogate pair split between two pieces, and a reply shown without a window (no wrapping).
        foreach (int width in new[] { 80, 0 })
        {
            (string text, List<string> writes) = Flow(width, "Grüße\tKöln\r\n", "emoji \uD83D", "\uDE00 end\n");
            Assert.Equal("Grüße Köln\nemoji \U0001F600 end\n", text);
            Assert.All(writes, write => Assert.False(char.IsHighSurrogate(write[write.Length - 1]), $"'{write}' ends inside a character"));
        }
    }

    [Fact]
    public void NeverSplitsACharacterWhereALongRunIsBroken()
    {
        string run = string.Concat(Enumerable.Repeat("\U0001F600", 30));
        string[] lines = Flow(11, "a ", run).Text.Split('\n');
        Assert.Equal(run, string.Concat(lines.Skip(1)));
        Assert.All(lines, line => Assert.False(line.Length > 0 && char.IsHighSurrogate(line[line.Length - 1]), $"'{line}' ends inside a character"));
        Assert.All(lines, line => Assert.True(line.Length <= 11, $"'{line}' is wider than 11"));
    }

    // Issue 18, item 6: a reply without whitespace used to be held whole and broken at the end, in time
    // that grew with the square of its length.
    [Fact]
    public void ShowsALongRunWithoutWhitespaceAsItArrivesHoldingBackNoMoreThanALine()
    {
        const int width = 80;
        var writes = new List<string>();
        var text = new FlowingText(writes.Add, width);
        long given = 0;
        long shown = 0;
        string piece = new string('x', 1000);
        for (int i = 0; i < 2000; i++)
        {
            int before = writes.Count;
            text.Write(piece);
            given += piece.Length;
            foreach (string write in writes.Skip(before))
            {
                // No call does more than its piece's worth of work: what it writes is bounded by the piece.
                Assert.True(write.Length <= piece.Length + (piece.Length / width) + width + 1, $"one call wrote {write.Length} characters for a piece of {piece.Length}");
                shown += write.Count(c => c != '\n');
            }

            Assert.True(given - shown <= width, $"after {given} characters only {shown} were shown: more than a line is held back");
        }

        text.Finish();
        string[] lines = string.Concat(writes).Split('\n');
        Assert.Equal(2_000_000, lines.Sum(line => line.Length));
        Assert.All(lines.Take(lines.Length - 1), line => Assert.Equal(width, line.Length));
    }

    [Fact]
    public void ARunOfSpacesNeverMakesALineWiderThanTheWindow()
    {
        (string text, _) = Flow(10, "a", new string(' ', 1000), "b\n", new string(' ', 25), "word ", new string('\t', 12), "end");
        // A thousand spaces cannot fit on the line, so the next word starts the next one, as a terminal would.
        Assert.Equal(new[] { "a", "b" }, text.Split('\n').Take(2));
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 10, $"'{line}' is wider than 10"));
        Assert.Contains("word", text);
        Assert.EndsWith("end", text);
    }

    private static bool IsControlShown(char c) => c == '\u001B' || c == '\u0007' || c == '\u009B';
}
