using System.Diagnostics;
using System.Runtime.InteropServices;
using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using GptTrainer.Operations;
using GptTrainer.Sync;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The sync's rules, run by the engine against the emulator over HTTP on both runtimes: what it uploads, what it
/// removes and, above all, what it must never remove.
/// </summary>
public sealed class FolderSyncTests : IClassFixture<EmulatorProcess>, IAsyncLifetime, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gtsync-" + Guid.NewGuid().ToString("N"));
    private GptTrainerApi _api = null!;
    private string _chatbot = null!;

    public FolderSyncTests(EmulatorProcess emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await _emulator.SetProcessingAsync(processingMs: 600_000, tokenBudget: 10_000_000);
        _api = _emulator.Api(EmulatorProcess.QuickRetries);
        _chatbot = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "sync" }, default)).ChatbotUuid;
        Directory.CreateDirectory(Path.Combine(_work, "knowledge"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Root => Path.Combine(_work, "knowledge");

    /// <summary>The one result a sync reported for this file and action.</summary>
    private static DataSourceSyncResult Synced(OperationRecorder run, string path, DataSourceSyncAction action)
        => run.Of<DataSourceSyncResult>().Single(r => r.Path == path && r.Action == action);

    private void Write(string relativePath, string text)
    {
        string file = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private async Task<OperationRecorder> SyncAsync(bool wait = false, bool prune = false, int maximumDelete = 20, bool whatIf = false)
    {
        var host = new OperationRecorder { WhatIf = whatIf };
        var options = new SyncOptions
        {
            ChatbotUuid = _chatbot,
            ChatbotDescription = "chatbot " + _chatbot,
            Root = Root,
            Collection = "knowledge",
            Recurse = true,
            Prune = prune,
            Wait = wait,
            WaitTimeout = TimeSpan.FromSeconds(60),
            MaximumDelete = maximumDelete,
        };
        await new FolderSync(_api, host, options).RunAsync(default);
        return host;
    }

    private async Task<List<DataSource>> HeldAsync() => await _api.DataSources.ListAsync(_chatbot, default);

    private async Task<List<string>> WritesAsync()
        => (await _emulator.RequestsAsync()).Where(r => r.GetString("method") != "GET").Select(r => r.GetString("path")!).ToList();

    [Fact]
    public async Task UploadsTitlesAndThenLeavesAnUnchangedFolderAlone()
    {
        Write("guides/laptops.md", "Every employee gets a laptop.");
        OperationRecorder first = await SyncAsync();
        Assert.Equal("laptops", Synced(first, "guides/laptops.md", DataSourceSyncAction.Added).Title);
        DataSource held = Assert.Single(await HeldAsync());
        Assert.Equal("laptops", held.Title);
        Assert.Matches(@"^guides\+laptops\.gtsync-[0-9a-f]{8}-[0-9a-f]{12}-[0-9a-f]{16}\.md$", held.FileName);

        await _emulator.ResetRequestsAsync();
        OperationRecorder second = await SyncAsync(prune: true);
        Assert.Empty(await WritesAsync());
        Assert.Equal(DataSourceSyncAction.Unchanged, Assert.Single(second.Of<DataSourceSyncResult>()).Action);
    }

    [Fact]
    public async Task ARetryAfterFailedProcessingRemovesNoWorkingVersion()
    {
        Write("a.md", "Short A.");
        Write("b.md", "Short B.");
        await SyncAsync();
        await _emulator.FinishProcessingAsync();
        List<string> working = (await HeldAsync()).Select(s => s.DataSourceUuid).ToList();
        Write("a.md", string.Concat(Enumerable.Repeat("Much longer now. ", 200)));
        Write("b.md", string.Concat(Enumerable.Repeat("Much longer too. ", 200)));
        await _emulator.SetProcessingAsync(processingMs: 0, tokenBudget: 100);

        OperationRecorder failed = await SyncAsync(wait: true);
        OperationRecorder retry = await SyncAsync(wait: true);

        foreach (OperationRecorder run in new[] { failed, retry })
        {
            Assert.Equal(2, run.Errors.Count(e => e.ErrorId == "DataSourceFailed"));
            Assert.DoesNotContain(run.Of<DataSourceSyncResult>(), r => r.Action == DataSourceSyncAction.Removed);
        }

        Assert.All(working, uuid => Assert.Contains(retry.Of<DataSourceSyncResult>(), r => r.DataSourceUuid == uuid && r.Action == DataSourceSyncAction.Skipped && r.Reason!.Contains("could not be processed")));
        List<DataSource> held = await HeldAsync();
        Assert.All(working, uuid => Assert.Equal("success", held.Single(s => s.DataSourceUuid == uuid).Status));
    }

    [Fact]
    public async Task RemovesAnOlderVersionOnlyOnceTheCurrentOneIsProcessed()
    {
        Write("prices.md", "Basic costs 10 euros.");
        string old = Synced(await SyncAsync(), "prices.md", DataSourceSyncAction.Added).DataSourceUuid!;
        await _emulator.FinishProcessingAsync();
        Write("prices.md", "Basic costs 12 euros.");

        OperationRecorder updated = await SyncAsync();
        Assert.Contains($"previous version {old} kept until the new version", Synced(updated, "prices.md", DataSourceSyncAction.Updated).Reason);
        Assert.Contains(await HeldAsync(), s => s.DataSourceUuid == old);

        await _emulator.FinishProcessingAsync();
        OperationRecorder later = await SyncAsync();
        Assert.Equal(old, Synced(later, "prices.md", DataSourceSyncAction.Removed).DataSourceUuid);
        Assert.DoesNotContain(await HeldAsync(), s => s.DataSourceUuid == old);
    }

    [Fact]
    public async Task NeverRemovesASourceThatIsStillProcessing()
    {
        Write("f.md", "Version one.");
        string first = Synced(await SyncAsync(), "f.md", DataSourceSyncAction.Added).DataSourceUuid!;
        await _emulator.FinishProcessingAsync();
        Write("f.md", "Version two.");
        string second = Synced(await SyncAsync(), "f.md", DataSourceSyncAction.Updated).DataSourceUuid!;
        Write("f.md", "Version three.");
        string third = Synced(await SyncAsync(), "f.md", DataSourceSyncAction.Updated).DataSourceUuid!;
        await _emulator.SetSourceStatusAsync(third, "success");

        OperationRecorder run = await SyncAsync(prune: true);

        Assert.Equal(first, Synced(run, "f.md", DataSourceSyncAction.Removed).DataSourceUuid);
        Assert.Contains("another sync may be waiting", run.Of<DataSourceSyncResult>().Single(r => r.DataSourceUuid == second).Reason);
        Assert.Contains(await HeldAsync(), s => s.DataSourceUuid == second);
    }

    [Fact]
    public async Task CountsOlderVersionsAgainstTheRemovalLimitBeforeAnyChange()
    {
        Write("a.md", "A1");
        Write("b.md", "B1");
        await SyncAsync();
        await _emulator.FinishProcessingAsync();
        Write("a.md", "A2");
        Write("b.md", "B2");
        await _emulator.ResetRequestsAsync();

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(() => SyncAsync(wait: true, maximumDelete: 1));

        Assert.Equal("TooManyRemovals", refused.ErrorId);
        Assert.Contains("2 previous versions of changed files", refused.Message);
        Assert.Empty(await WritesAsync());
    }

    [Fact]
    public async Task DescribesWithWhatIfWhatItWouldDoWithoutAWrite()
    {
        Write("same.md", "Same.");
        Write("gone.md", "Gone.");
        await SyncAsync();
        await _emulator.FinishProcessingAsync();
        File.Delete(Path.Combine(Root, "gone.md"));
        Write("added.md", "Added.");
        await _emulator.ResetRequestsAsync();

        OperationRecorder plan = await SyncAsync(prune: true, whatIf: true);

        Assert.Empty(await WritesAsync());
        Assert.Equal(new[] { "Added added.md", "Removed gone.md", "Unchanged same.md" }, plan.Of<DataSourceSyncResult>().Select(r => $"{r.Action} {r.Path}").OrderBy(t => t, StringComparer.Ordinal));
        Assert.StartsWith("What if:", plan.Summary);
    }

    [Fact]
    public async Task SkipsALinkToAFileOutsideTheFolderAndSyncsALinkInsideIt()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return; // Creating links needs a privilege there; the rule itself is the same code.
        }

        Write("real.md", "Inside the folder.");
        string secret = Path.Combine(_work, "credentials.json");
        File.WriteAllText(secret, "{\"private_key\": \"do not publish\"}");
        Link(secret, Path.Combine(Root, "faq.json"));
        Link(Path.Combine(Root, "real.md"), Path.Combine(Root, "alias.md"));
        Link(Path.Combine(_work, "missing.md"), Path.Combine(Root, "dangling.md"));

        OperationRecorder run = await SyncAsync();

        Assert.Contains("outside the synced folder", Synced(run, "faq.json", DataSourceSyncAction.Skipped).Reason);
        Assert.Contains(run.Warnings, w => w.Contains("faq.json"));
        Assert.Contains("cannot be found", Synced(run, "dangling.md", DataSourceSyncAction.Skipped).Reason);
        Synced(run, "alias.md", DataSourceSyncAction.Added);
        Assert.Equal(new[] { "alias", "real" }, (await HeldAsync()).Select(s => s.Title).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task ReportsNamesThatDifferOnlyInNormalizationAsACollisionAndChangesNothingForThem()
    {
        string composed = "caf\u00e9.md";
        string decomposed = "cafe\u0301.md";
        Write(composed, "Composed.");
        Write("other.md", "Other.");
        string held = Synced(await SyncAsync(), composed, DataSourceSyncAction.Added).DataSourceUuid!;
        await _emulator.FinishProcessingAsync();
        Write(decomposed, "Decomposed.");
        if (Directory.GetFiles(Root).Length < 3)
        {
            return; // A file system that stores names normalized (macOS) has only one of them.
        }

        for (int run = 0; run < 2; run++)
        {
            await _emulator.ResetRequestsAsync();
            OperationRecorder sync = await SyncAsync(prune: true);

            Assert.Empty(await WritesAsync());
            OperationError collision = Assert.Single(sync.Errors);
            Assert.Equal("PathCollision", collision.ErrorId);
            Assert.Contains(composed, collision.Exception.Message);
            Assert.Contains(decomposed, collision.Exception.Message);
            Assert.Equal(new[] { composed, decomposed }.OrderBy(p => p, StringComparer.Ordinal), sync.Of<DataSourceSyncResult>().Where(r => r.Action == DataSourceSyncAction.Failed).Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal));
            Assert.Contains(await HeldAsync(), s => s.DataSourceUuid == held);
        }
    }

    private static void Link(string target, string link)
    {
        using Process ln = Process.Start(new ProcessStartInfo("ln", $"-s \"{target}\" \"{link}\"") { UseShellExecute = false })!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
