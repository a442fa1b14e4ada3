using System.Text;
using GptTrainer.Models;
using GptTrainer.Sync;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>The parts of a sync that need no service: the identity in a stored name, content versions, filters and the plan.</summary>
public class SyncLogicTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gpttrainer-sync-" + Guid.NewGuid().ToString("N"));

    public SyncLogicTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("intro.md", "intro.gtsync-")]
    [InlineData("guides/install guide.md", "guides+install guide.gtsync-")]
    [InlineData("a+b/50%.pdf", "a%2Bb+50%25.gtsync-")]
    [InlineData("what?/x:y.txt", "what%3F+x%3Ay.gtsync-")]
    [InlineData("Ünïcödé/日本.md", "Ünïcödé+日本.gtsync-")]
    [InlineData("~home.md", "%7Ehome.gtsync-")]
    [InlineData("README", "README.gtsync-")]
    public void ComposesAReadableNameThatReadsBackToTheSameIdentity(string path, string start)
    {
        string collection = SyncedName.CollectionIdOf("docs");
        string name = SyncedName.Compose(collection, path, "0123456789abcdef");

        Assert.StartsWith(start, name, StringComparison.Ordinal);
        Assert.EndsWith(Path.GetExtension(path), name, StringComparison.Ordinal);
        SyncedName parsed = SyncedName.Parse(name)!;
        Assert.Equal(path, parsed.Path);
        Assert.True(parsed.IsVersionOf(collection, SyncedName.PathIdOf(path), "0123456789abcdef"));
    }

    [Fact]
    public void CutsALongPathFromTheStartAndStillKnowsTheFile()
    {
        string path = string.Join("/", Enumerable.Repeat("folder%name", 30)) + "/file.md";
        string name = SyncedName.Compose("12345678", path, "0123456789abcdef");
        SyncedName parsed = SyncedName.Parse(name)!;

        Assert.True(name.Length < 200, name);
        Assert.StartsWith("~", name, StringComparison.Ordinal);
        Assert.StartsWith("...", parsed.Path, StringComparison.Ordinal);
        Assert.EndsWith("folder%name/file.md", parsed.Path, StringComparison.Ordinal);
        Assert.Equal(SyncedName.PathIdOf(path), parsed.PathId);
    }

    [Theory]
    [InlineData("guides_install_guide_gtsync_3f9a1c2e_8b7d6e5f4a3b_0c1d2e3f4a5b6c7d.md")]
    [InlineData("GUIDES+INSTALL.GTSYNC-3F9A1C2E-8B7D6E5F4A3B-0C1D2E3F4A5B6C7D.MD")]
    public void ReadsTheIdentityInANameTheServiceTidied(string name)
    {
        SyncedName parsed = SyncedName.Parse(name)!;
        Assert.Equal("3f9a1c2e", parsed.CollectionId);
        Assert.Equal("8b7d6e5f4a3b", parsed.PathId);
        Assert.Equal("0c1d2e3f4a5b6c7d", parsed.ContentId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("intro.md")]
    [InlineData("gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7d.md")]
    [InlineData("a.gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7.md")]
    [InlineData("a.gtsync-3f9a1c2g-8b7d6e5f4a3b-0c1d2e3f4a5b6c7d.md")]
    [InlineData("a.gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7dx.md")]
    [InlineData("https://example.org/gtsync")]
    public void FindsNoIdentityInNamesNoSyncMade(string? name) => Assert.Null(SyncedName.Parse(name));

    [Fact]
    public void ComparesCollectionsWithoutCaseButPathsWithIt()
    {
        Assert.Equal(SyncedName.CollectionIdOf("Docs"), SyncedName.CollectionIdOf("docs"));
        Assert.NotEqual(SyncedName.PathIdOf("Guide.md"), SyncedName.PathIdOf("guide.md"));
        Assert.Equal(SyncedName.PathIdOf("caf\u00e9.md"), SyncedName.PathIdOf("cafe\u0301.md"));
    }

    [Fact]
    public void VersionsContentByItsBytesWithCrlfReadAsLfInTextFormatsOnly()
    {
        string Hash(string name, string text)
        {
            string file = Path.Combine(_folder, name);
            File.WriteAllText(file, text);
            return ContentHash.Of(file, CancellationToken.None);
        }

        Assert.Equal(Hash("a.md", "one\ntwo\n"), Hash("b.md", "one\r\ntwo\r\n"));
        Assert.NotEqual(Hash("c.md", "one\ntwo\n"), Hash("d.md", "one\rtwo\r"));
        // Only a CR right before an LF goes; a binary format's bytes count as they are.
        Assert.Equal(Hash("e.md", "one\r\r\ntwo\r"), Hash("f.pdf", "one\r\ntwo\r"));
        Assert.NotEqual(Hash("g.pdf", "one\ntwo\n"), Hash("h.pdf", "one\r\ntwo\r\n"));
        Assert.NotEqual(Hash("i.md", "price 10"), Hash("j.md", "price 12"));

        // A CRLF split across two reads of the hash's buffer is still one line ending.
        string longLine = new string('x', 64 * 1024 - 1);
        Assert.Equal(Hash("k.md", longLine + "\nend"), Hash("l.md", longLine + "\r\nend"));
    }

    [Theory]
    [InlineData("*.md", null, "guides/a.md", true)]
    [InlineData("*.md", null, "guides/a.txt", false)]
    [InlineData(null, "draft*", "guides/draft-1.md", false)]
    [InlineData(null, "guides/*", "guides/deep/a.md", false)]
    [InlineData(null, "guides/*", "other/guides/a.md", true)]
    [InlineData("guides\\*", null, "guides/a.md", true)]
    [InlineData("/top.md", null, "top.md", true)]
    [InlineData("*.MD", null, "a.md", true)]
    public void FiltersByNameWithoutSlashAndByRelativePathWithOne(string? include, string? exclude, string path, bool selected)
        => Assert.Equal(selected, new PathFilter(include is null ? null : new[] { include }, exclude is null ? null : new[] { exclude }).Selects(path));

    [Fact]
    public void PlansOnlyForItsOwnSourcesOfThisCollection()
    {
        string collection = SyncedName.CollectionIdOf("docs");
        LocalFile same = LocalFileOf("same.md", "c1"), edited = LocalFileOf("edited.md", "c2"), added = LocalFileOf("added.md", "c3"), skipped = LocalFileOf("big.pdf", null);
        skipped.SkipReason = "too big";
        DataSource Owned(string path, string content, string uuid) => new() { DataSourceUuid = uuid, Type = "upload", FileName = SyncedName.Compose(collection, path, content) };

        var sources = new List<DataSource>
        {
            Owned("same.md", Pad("c1"), "s1"),
            Owned("same.md", Pad("old"), "s1-older"),
            Owned("edited.md", Pad("old"), "e1"),
            Owned("big.pdf", Pad("old"), "b1"),
            Owned("gone/away.md", Pad("old"), "g1"),
            new() { DataSourceUuid = "hand", Type = "upload", FileName = "same.md" },
            new() { DataSourceUuid = "other", Type = "upload", FileName = SyncedName.Compose(SyncedName.CollectionIdOf("faq"), "gone.md", Pad("x")) },
            new() { DataSourceUuid = "page", Type = "link", FileName = SyncedName.Compose(collection, "page.md", Pad("x")) },
        };

        SyncPlan plan = SyncPlan.Create(collection, new[] { same, edited, added, skipped }, sources);

        Assert.Equal(new[] { "s1" }, plan.Unchanged.Select(u => u.Source.DataSourceUuid));
        Assert.Equal(new[] { "s1-older" }, plan.OlderVersions.Select(o => o.Source.DataSourceUuid));
        Assert.Equal(new[] { "edited.md", "added.md" }, plan.Uploads.Select(u => u.File.RelativePath));
        Assert.Equal(new[] { "e1" }, plan.Uploads[0].Previous.Select(p => p.DataSourceUuid));
        Assert.Empty(plan.Uploads[1].Previous);
        Assert.Equal(new[] { ("gone/away.md", "g1") }, plan.Gone.Select(g => (g.Path, g.Source.DataSourceUuid)));
        Assert.Contains(skipped, plan.KeptFiles);
    }

    /// <summary>A content version for a label, shaped like the real ones.</summary>
    private static string Pad(string label)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(label))).Replace("-", string.Empty).Substring(0, 16).ToLowerInvariant();
    }

    private static LocalFile LocalFileOf(string path, string? content)
        => new(path, "/nowhere/" + path, 10) { Selected = true, ContentId = content is null ? null : Pad(content) };
}
