using System.Text;
using GptTrainer.Http;
using Xunit;

namespace GptTrainer.Tests;

public class Utf8PieceDecoderTests
{
    private const string Sample = "ASCII, Grüße, € sign, 東京, emoji 🙂👍🏽 and combining é.";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void DecodesCharactersSplitAcrossReadsOfAnySize(int readSize)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Sample);
        var decoder = new Utf8PieceDecoder();
        var text = new StringBuilder();
        for (int offset = 0; offset < bytes.Length; offset += readSize)
        {
            int count = Math.Min(readSize, bytes.Length - offset);
            byte[] read = bytes.AsSpan(offset, count).ToArray();
            text.Append(decoder.Decode(read, 0, read.Length));
        }

        text.Append(decoder.Flush());
        Assert.Equal(Sample, text.ToString());
    }

    [Fact]
    public void HoldsBackTheStartOfACharacterUntilItsLastByte()
    {
        byte[] euro = Encoding.UTF8.GetBytes("€");
        var decoder = new Utf8PieceDecoder();

        Assert.Equal(string.Empty, decoder.Decode(euro, 0, 1));
        Assert.Equal(string.Empty, decoder.Decode(euro, 1, 1));
        Assert.Equal("€", decoder.Decode(euro, 2, 1));
    }

    [Fact]
    public void ReportsATruncatedCharacterAtTheEndAsReplacementCharacter()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("ok 🙂");
        var decoder = new Utf8PieceDecoder();
        string start = decoder.Decode(bytes, 0, bytes.Length - 2);
        Assert.Equal("ok ", start);
        Assert.Equal("\uFFFD", decoder.Flush());
    }

    [Fact]
    public void ReplacesInvalidBytesInsteadOfFailing()
    {
        var decoder = new Utf8PieceDecoder();
        byte[] bytes = { (byte)'a', 0xFF, (byte)'b' };
        Assert.Equal("a\uFFFDb", decoder.Decode(bytes, 0, bytes.Length) + decoder.Flush());
    }

    [Fact]
    public void HandlesLargeReadsWithoutLosingText()
    {
        string big = string.Concat(Enumerable.Repeat(Sample + "\n", 5000));
        byte[] bytes = Encoding.UTF8.GetBytes(big);
        var decoder = new Utf8PieceDecoder();
        var text = new StringBuilder();
        for (int offset = 0; offset < bytes.Length; offset += 65536)
        {
            int count = Math.Min(65536, bytes.Length - offset);
            text.Append(decoder.Decode(bytes, offset, count));
        }

        Assert.Equal(big, text.Append(decoder.Flush()).ToString());
    }
}
