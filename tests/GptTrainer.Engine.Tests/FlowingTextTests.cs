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
}
