using GptTrainer.Text;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The rule for text in the module's Markdown. Evaluation.Tests.ps1 renders a whole report with GitHub's own
/// renderer (cmark-gfm); these pin the rule's output for each form GFM would turn into something.
/// </summary>
public class MarkdownTextTests
{
    private const string J = "\u2060";

    [Theory]
    [InlineData("see https://evil.example/login", "see https" + J + "://evil.example/login")]
    [InlineData("see http://evil.example", "see http" + J + "://evil.example")]
    [InlineData("ftp://evil.example/x and svn+ssh://evil.example", "ftp" + J + "://evil.example/x and svn+ssh" + J + "://evil.example")]
    [InlineData("www.evil.example/reset and WWW.EVIL.EXAMPLE", "www" + J + ".evil.example/reset and WWW" + J + ".EVIL.EXAMPLE")]
    [InlineData("(www.evil.example)", "(www" + J + ".evil.example)")]
    [InlineData("mail support@evil.example", "mail support@" + J + "evil.example")]
    [InlineData("mailto:a@b.example xmpp:a@b.example/x", "mailto:a@" + J + "b.example xmpp:a@" + J + "b.example/x")]
    [InlineData("ask @someone", "ask @" + J + "someone")]
    [InlineData("<https://evil.example>", "\\<https" + J + "://evil.example\\>")]
    [InlineData("[x](https://evil.example) ![i](http://evil.example/i.png)", "\\[x\\](https" + J + "://evil.example) !\\[i\\](http" + J + "://evil.example/i.png)")]
    [InlineData("<img src=x onerror=alert(1)> &amp; a|b", "\\<img src=x onerror=alert(1)\\> \\&amp; a\\|b")]
    public void BreaksEveryFormGfmWouldMakeIntoALinkOrMarkup(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Inline(text));
        Assert.Equal(text.Replace("\\", string.Empty), MarkdownText.Inline(text).Replace(J, string.Empty).Replace("\\", string.Empty));
    }

    [Theory]
    [InlineData("Request: asking the question failed (Http500): not found")]
    [InlineData("www, the web; a.b.c; https:/one-slash; 3 @ 4")]
    public void LeavesTextThatMakesNoLinkAsItIs(string text)
    {
        Assert.Equal(text.Replace("@ ", "@" + J + " "), MarkdownText.Inline(text));
    }

    [Fact]
    public void KeepsLinesApartWithBreaksAndShowsControlCharacters()
    {
        Assert.Equal("one<br>two https" + J + "://x.example<br>three\\\\u001B", MarkdownText.Inline("one\r\ntwo https://x.example\nthree\u001b"));
    }
}
