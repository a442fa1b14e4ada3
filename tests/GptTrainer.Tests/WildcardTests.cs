using System.Management.Automation;
using GptTrainer.Text;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The engine matches -Include and -Exclude without PowerShell, so its wildcards must mean what PowerShell's
/// mean: the same answer as WildcardPattern for every pattern and name here, and the same patterns refused.
/// </summary>
public class WildcardTests
{
    private static readonly string[] Patterns =
    {
        "*", "*.md", "draft-*", "?", "a?c", "[abc]", "[a-c]x", "[]a]", "[]]", "[a-]", "[!a]", "[^a]", "`*", "a`", "`[a]", "[`]]",
        "a]", "*.[mM][dD]", "guides/*", "*/old/*", "[0-9][0-9]*", "é*", "a*b*c", "", "[", "[a", "[]", "[c-a]", "x[y",
    };

    private static readonly string[] Names =
    {
        "", "a", "b", "c", "x", "]", "-", "!", "^", "*", "a`", "[a]", "a]", "abc", "axc", "bx", "readme.md", "README.MD", "draft-1.md",
        "guides/setup.md", "a/old/b.md", "42.txt", "éclair", "aXbYc", "[", "ab",
    };

    public static IEnumerable<object[]> Cases() => Patterns.Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Cases))]
    public void MeansWhatPowerShellsWildcardPatternMeans(string pattern)
    {
        var powerShell = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
        string? refused = null;
        try
        {
            powerShell.IsMatch(string.Empty);
        }
        catch (WildcardPatternException ex)
        {
            refused = ex.Message;
        }

        Assert.Equal(refused, Wildcard.Problem(pattern));
        if (refused is null)
        {
            var ours = new Wildcard(pattern);
            foreach (string name in Names)
            {
                Assert.True(powerShell.IsMatch(name) == ours.IsMatch(name), $"'{pattern}' on '{name}': PowerShell says {powerShell.IsMatch(name)}");
            }
        }
    }
}
