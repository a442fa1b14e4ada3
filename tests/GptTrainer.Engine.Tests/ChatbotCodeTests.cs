using GptTrainer.Api;
using GptTrainer.ChatbotCode;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using GptTrainer.Operations;
using GptTrainer.Sync;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Chatbot as code against the emulator over HTTP, on both runtimes: export, import, copy and compare of a
/// chatbot with something of every kind (duplicate names, secrets, an uploaded file), judged by what the
/// emulator holds and by its request log.
/// </summary>
public sealed class ChatbotCodeTests : IClassFixture<EmulatorProcess>, IAsyncLifetime, IDisposable
{
    private const string Secret = "Bearer s3cret-value";
    private const string SecretVariable = "GPTTRAINER_SECRET_SUPPORT_LOOKUP_ORDER_AUTHORIZATION";
    private readonly EmulatorProcess _emulator;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gtcode-" + Guid.NewGuid().ToString("N"));
    private GptTrainerApi _api = null!;

    public ChatbotCodeTests(EmulatorProcess emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await _emulator.SetProcessingAsync(processingMs: 600_000, tokenBudget: 10_000_000);
        _api = _emulator.Api(EmulatorProcess.QuickRetries);
        Directory.CreateDirectory(Knowledge);
        File.WriteAllText(Path.Combine(Knowledge, "install.md"), "Place the anvil on a flat floor.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Knowledge => Path.Combine(_work, "knowledge");

    private string Folder(string name) => Path.Combine(_work, name);

    private static string? Environment(string name) => name == SecretVariable ? Secret : null;

    /// <summary>A chatbot with something of every kind an export carries, and names that repeat.</summary>
    private async Task<string> NewStagingAsync()
    {
        string bot = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "Staging", Visibility = "public", RateLimitMessages = 10, RateLimitSeconds = 60, RateLimitMessage = "Slow down", ShowCitations = true }, default)).ChatbotUuid;
        string ship = (await _api.DataSources.AddQaAsync(bot, "Do you ship abroad?", "Yes, to 30 countries.", null, default)).DataSourceUuid;
        string shipAgain = (await _api.DataSources.AddQaAsync(bot, "Do you ship abroad?", "Only within the EU.\nAsk us for more.", null, default)).DataSourceUuid;
        string help = (await _api.DataSources.AddUrlAsync(bot, "https://example.org/help", null, default)).Source!.DataSourceUuid;
        await new FolderSync(_api, new OperationRecorder(), new SyncOptions { ChatbotUuid = bot, ChatbotDescription = bot, Root = Knowledge, Collection = "knowledge" }).RunAsync(default);
        string install = (await _api.DataSources.ListAsync(bot, default)).Single(s => s.Type == "upload").DataSourceUuid;
        await _api.SourceTags.CreateAsync(bot, "Shipping", "#088F8F", new[] { ship, shipAgain }, default);
        await _api.SourceTags.CreateAsync(bot, "Guides", "#FF5733", new[] { install, help }, default);

        Agent general = (await _api.Agents.ListAsync(bot, default)).Single();
        await _api.Agents.UpdateAsync(general.AgentUuid, new AgentSettings
        {
            Name = "Support",
            Prompt = "You answer shipping questions.\n\nBe brief.",
            Model = "gpt-4o-mini-16k",
            Temperature = 0.2,
            UseAllSources = false,
            DataSourceUuids = new[] { shipAgain, help },
            Variables = new[] { new AgentVariable { Name = "email", Description = "The customer's email", Example = "ann@example.org" } },
        }, bot, default);
        await _api.Agents.CreateFunctionAsync(general.AgentUuid, new ToolFunctionSettings
        {
            Name = "lookup_order",
            Description = "Finds an order",
            Parameters = new Dictionary<string, object?> { ["type"] = "object", ["required"] = new[] { "order" } },
            Headers = new Dictionary<string, string> { ["Authorization"] = Secret },
            ExternalUrl = "https://shop.example/orders",
            Method = "POST",
        }, default);
        string tagger = (await _api.Agents.CreateAsync(bot, new AgentSettings { Name = "Tagger", Type = "background", Tags = new[] { new AgentTag { Name = "refund", Criteria = "asks for money back", Color = "#FF0000" } } }, default)).AgentUuid;
        await _api.Agents.UpdateAsync(tagger, new AgentSettings { Enabled = true }, bot, default);
        string desk = (await _api.Agents.CreateAsync(bot, new AgentSettings { Name = "Desk", Type = "human-escalation" }, default)).AgentUuid;
        await _api.Agents.UpdateAsync(desk, new AgentSettings { HumanEscalationSettings = new HumanEscalationSettings { HumanRequestedMessage = "A person will answer.", MonitoredMessages = new[] { "agent please" }, SoundEnabled = true } }, bot, default);
        await _api.Agents.CreateAsync(bot, new AgentSettings { Name = "Helper", Type = "user-facing", Prompt = "First helper." }, default);
        await _api.Agents.CreateAsync(bot, new AgentSettings { Name = "Helper", Type = "user-facing", Prompt = "Second helper." }, default);
        return bot;
    }

    private async Task<ChatbotExportResult> ExportAsync(string chatbot, string folder, bool includeSecrets = false)
        => (await ChatbotExport.ReadAsync(_api, chatbot, includeSecrets, default)).Write(folder);

    private static ChatbotDocument Read(string folder, Func<string, string?>? environment = null)
    {
        ChatbotDocument document = ExportReader.Read(folder);
        SecretHandling.ResolveOrRefuse(document, environment ?? Environment, folder);
        return document;
    }

    private async Task<OperationRecorder> ImportAsync(string folder, string? into = null, string? newName = null, bool mirror = false, bool force = false, bool whatIf = false, bool sourcePath = true)
    {
        var host = new OperationRecorder { WhatIf = whatIf };
        var options = new ImportOptions
        {
            Source = Read(folder),
            From = folder,
            ChatbotUuid = into,
            NewName = newName,
            TargetDescription = "chatbot " + (into ?? newName),
            Mirror = mirror,
            Force = force,
            SourcePath = sourcePath ? Knowledge : null,
        };
        await new ChatbotImport(_api, host, options).RunAsync(default);
        return host;
    }

    private Task<List<ChatbotDifference>> CompareAsync(string folder, string chatbot)
        => ChatbotComparer.CompareAsync(_api, new OperationRecorder(), Read(folder), chatbot, Environment, default);

    private async Task<List<string>> WritesAsync()
        => (await _emulator.RequestsAsync()).Where(r => r.GetString("method") != "GET").Select(r => $"{r.GetString("method")} {r.GetString("path")}").ToList();

    private static string NewChatbotOf(OperationRecorder import)
        => import.Of<ChatbotImportResult>().First(r => r.ItemType == ChatbotItemType.Chatbot && r.Action == ChatbotImportAction.Create).Uuid!;

    [Fact]
    public async Task ARoundTripIntoANewChatbotLeavesNoDifference()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));

        await _emulator.ResetRequestsAsync();
        OperationRecorder import = await ImportAsync(Folder("export"), newName: "Production");
        string production = NewChatbotOf(import);
        List<string> writes = await WritesAsync();

        Assert.Empty(import.Errors);

        // The agent the service made with the chatbot became the first user-facing agent of the files: four
        // agents are created for five, and none is removed.
        Assert.Equal(4, writes.Count(w => w.EndsWith("/agent/create", StringComparison.Ordinal)));
        Assert.DoesNotContain(writes, w => w.StartsWith("DELETE", StringComparison.Ordinal));
        Assert.All(import.Of<ChatbotImportResult>(), r => Assert.Equal(ChatbotImportOutcome.Done, r.Outcome));
        Assert.Empty(await CompareAsync(Folder("export"), production));
        var reference = await LiveReader.ReadAsync(_api, staging, SecretHandling.Included, default);
        Assert.Empty(await ChatbotComparer.CompareAsync(_api, new OperationRecorder(), reference, production, _ => null, default));

        // The service's own agent became Support rather than staying beside it.
        List<Agent> agents = await _api.Agents.ListAsync(production, default);
        Assert.Equal(new[] { "Desk", "Helper", "Helper", "Support", "Tagger" }, agents.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(Secret, ((JsonObject)agents.Single(a => a.Name == "Support").ToolFunctions.Single().Headers!)["Authorization"]);
        Assert.Equal(new[] { "Only within the EU.\nAsk us for more.", "Yes, to 30 countries." }, (await _api.DataSources.ListAsync(production, default)).Where(s => s.Type == "qa").Select(s => s.Answer).OrderBy(a => a, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportingAnUnchangedChatbotTwiceGivesTheSameBytes()
    {
        string staging = await NewStagingAsync();

        ChatbotExportResult first = await ExportAsync(staging, Folder("first"));
        ChatbotExportResult second = await ExportAsync(staging, Folder("second"));
        ChatbotExportResult again = await ExportAsync(staging, Folder("first"));

        Assert.Equal(first.Files, first.Changed);
        Assert.Empty(again.Changed);
        foreach (string file in first.Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Folder("first"), file)), File.ReadAllBytes(Path.Combine(Folder("second"), file)));
        }

        // Uuids and times appear only where the export records its origin.
        string agents = File.ReadAllText(Path.Combine(Folder("first"), "agents.json"));
        Assert.DoesNotContain(staging, agents);
        Assert.DoesNotMatch("[0-9a-f]{32}|\\d{4}-\\d\\d-\\d\\dT", agents + File.ReadAllText(Path.Combine(Folder("first"), "data-sources.json")));
        Assert.Contains("\"qa#2: Do you ship abroad?\"", agents);
        Assert.Contains("    \"You answer shipping questions.\",\n      \"\",\n      \"Be brief.\"", agents);
    }

    [Fact]
    public async Task AnExportIsTheSameWhateverOrderTheServiceListsThingsIn()
    {
        string staging = await NewStagingAsync();
        Chatbot chatbot = await _api.Chatbots.GetAsync(staging, default);
        List<Agent> agents = await _api.Agents.ListAsync(staging, default);
        List<SourceTag> tags = await _api.SourceTags.ListAsync(staging, default);
        List<DataSource> sources = await _api.DataSources.ListAsync(staging, default);
        foreach (SourceTag tag in tags)
        {
            tag.DataSourceUuids = Enumerable.Reverse(tag.DataSourceUuids).ToArray();
        }

        // Items of one name are numbered in order of creation; the emulator stamps whole seconds, so the
        // stamps here are made distinct, in the order of creation, as a slower hand would have made them.
        DateTime start = DateTime.UtcNow;
        for (int i = 0; i < sources.Count; i++) sources[i].CreatedAt = start.AddSeconds(i);
        for (int i = 0; i < agents.Count; i++) agents[i].CreatedAt = start.AddSeconds(i);

        string asListed = Text(LiveReader.Build(chatbot, agents, tags, sources, SecretHandling.AsPlaceholders));
        string reversed = Text(LiveReader.Build(chatbot, Enumerable.Reverse(agents).ToList(), Enumerable.Reverse(tags).ToList(), Enumerable.Reverse(sources).ToList(), SecretHandling.AsPlaceholders));

        Assert.Equal(asListed, reversed);

        static string Text(ChatbotDocument document) => string.Concat(ExportWriter.Render(document).Select(f => f.Text));
    }

    [Fact]
    public async Task ImportingTwiceSendsNoWriteTheSecondTime()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string production = NewChatbotOf(await ImportAsync(Folder("export"), newName: "Production"));

        await _emulator.ResetRequestsAsync();
        OperationRecorder second = await ImportAsync(Folder("export"), into: production, mirror: true);

        Assert.Empty(await WritesAsync());
        Assert.Empty(second.Of<ChatbotImportResult>());
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task ChangesByHandShowAsExactlyThoseDifferences()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        Agent support = (await _api.Agents.ListAsync(staging, default)).Single(a => a.Name == "Support");
        SourceTag guides = (await _api.SourceTags.ListAsync(staging, default)).Single(t => t.Name == "Guides");

        await _api.Agents.UpdateAsync(support.AgentUuid, new AgentSettings { Temperature = 0.7 }, staging, default);
        await _api.SourceTags.DeleteAsync(guides.SourceTagUuid, default);
        await _api.DataSources.AddQaAsync(staging, "Is there a warranty?", "Two years.", null, default);
        await _api.Chatbots.UpdateAsync(staging, new ChatbotSettings { ShowCitations = false }, default);
        await _api.Agents.UpdateFunctionAsync(support.ToolFunctions[0].ToolFunctionUuid, new ToolFunctionSettings { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer rotated" } }, support.AgentUuid, default);

        List<ChatbotDifference> differences = await CompareAsync(Folder("export"), staging);

        Assert.Equal(
            new[]
            {
                "Changed Chatbot settings show_citations: True -> False",
                "Changed ToolFunction Support / lookup_order headers.Authorization: ******** -> ********",
                "Changed Agent Support temperature: 0.2 -> 0.7",
                "Extra DataSource qa: Is there a warranty?",
                "Missing SourceTag Guides",
            }.OrderBy(d => d, StringComparer.Ordinal),
            differences.Select(d => d.Property is null ? $"{d.What} {d.ItemType} {d.Item}" : $"{d.What} {d.ItemType} {d.Item} {d.Property}: {d.Expected} -> {d.Actual}").OrderBy(d => d, StringComparer.Ordinal));
        Assert.DoesNotContain(differences, d => Equals(d.Expected, Secret) || Equals(d.Actual, "Bearer rotated"));
    }

    [Fact]
    public async Task MirrorRemovesWhatTheFilesLackAndMergeDoesNot()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string target = NewChatbotOf(await ImportAsync(Folder("export"), newName: "Production"));
        string extraAgent = (await _api.Agents.CreateAsync(target, new AgentSettings { Name = "Extra", Type = "pre-canned" }, default)).AgentUuid;
        await _api.SourceTags.CreateAsync(target, "Extra tag", "#000000", null, default);
        await _api.DataSources.AddQaAsync(target, "Extra question?", "Extra answer.", null, default);
        Agent support = (await _api.Agents.ListAsync(target, default)).Single(a => a.Name == "Support");
        await _api.Agents.CreateFunctionAsync(support.AgentUuid, new ToolFunctionSettings { Name = "extra_call", ExternalUrl = "https://shop.example/x", Method = "GET" }, default);

        await _emulator.ResetRequestsAsync();
        OperationRecorder merge = await ImportAsync(Folder("export"), into: target);
        Assert.Empty(await WritesAsync());
        Assert.Empty(merge.Of<ChatbotImportResult>());
        Assert.Equal(4, (await CompareAsync(Folder("export"), target)).Count(d => d.What == ChatbotDifferenceKind.Extra));

        OperationRecorder mirror = await ImportAsync(Folder("export"), into: target, mirror: true);

        Assert.Equal(
            new[] { "Remove Agent Extra", "Remove DataSource qa: Extra question?", "Remove SourceTag Extra tag", "Remove ToolFunction Support / extra_call" },
            mirror.Of<ChatbotImportResult>().Select(r => $"{r.Action} {r.ItemType} {r.Item}").OrderBy(r => r, StringComparer.Ordinal));
        Assert.All(mirror.Of<ChatbotImportResult>(), r => Assert.Equal(ChatbotImportOutcome.Done, r.Outcome));
        Assert.Empty(await CompareAsync(Folder("export"), target));
        Assert.DoesNotContain(await _api.Agents.ListAsync(target, default), a => a.AgentUuid == extraAgent);
    }

    [Fact]
    public async Task RefusesToOverwriteChangesMadeSinceTheExportUnlessForced()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string file = Path.Combine(Folder("export"), "agents.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"First helper.\"", "\"First helper, edited in git.\""));
        Agent tagger = (await _api.Agents.ListAsync(staging, default)).Single(a => a.Name == "Tagger");
        await _api.DataSources.AddQaAsync(staging, "Added in the web app?", "Yes.", null, default);
        await _api.Agents.UpdateAsync(tagger.AgentUuid, new AgentSettings { Description = "Changed in the web app" }, staging, default);

        await _emulator.ResetRequestsAsync();
        var refused = await Assert.ThrowsAsync<OperationRefusedException>(() => ImportAsync(Folder("export"), into: staging));
        Assert.Empty(await WritesAsync());
        OperationRecorder forced = await ImportAsync(Folder("export"), into: staging, force: true);

        Assert.Equal("ChangedSinceExport", refused.ErrorId);
        Assert.Contains("5 data sources where the export has 4", refused.Message);
        Assert.Contains("agents.json, data-sources.json would no longer be as exported", refused.Message);
        Assert.Contains("-Force", refused.Message);
        // Forced, the import overwrites the web app's change of what the files hold, and (in Merge) keeps what they do not.
        Assert.Equal(new[] { "Change Agent Tagger description", "Change Agent Helper prompt" }, forced.Of<ChatbotImportResult>().Select(r => $"{r.Action} {r.ItemType} {r.Item} {r.Property}"));
        Assert.Equal("First helper, edited in git.", (await _api.Agents.ListAsync(staging, default)).First(a => a.Name == "Helper").Prompt);
    }

    [Fact]
    public async Task AnImportIntoItsOwnUnchangedChatbotIsNotRefused()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string file = Path.Combine(Folder("export"), "chatbot.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"Slow down\"", "\"Please slow down\""));

        OperationRecorder import = await ImportAsync(Folder("export"), into: staging);

        Assert.Equal("Please slow down", (await _api.Chatbots.GetAsync(staging, default)).RateLimitMessage);
        ChatbotImportResult change = Assert.Single(import.Of<ChatbotImportResult>());
        Assert.Equal(("rate_limit_message", "Slow down", "Please slow down"), (change.Property, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task AChangedAnswerReplacesThePairAndTheTagsAndAgentsNamingItFollow()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string old = (await _api.DataSources.ListAsync(staging, default)).Single(s => s.Answer == "Only within the EU.\nAsk us for more.").DataSourceUuid;
        string file = Path.Combine(Folder("export"), "data-sources.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"Ask us for more.\"", "\"Ask us about Switzerland.\""));

        await _emulator.ResetRequestsAsync();
        OperationRecorder import = await ImportAsync(Folder("export"), into: staging);

        Assert.Equal(
            new[] { "Done Change DataSource qa#2: Do you ship abroad? answer", "Done Change SourceTag Shipping data_sources", "Done Change Agent Support data_sources", "Done Remove DataSource qa#2: Do you ship abroad? " },
            import.Of<ChatbotImportResult>().Select(r => $"{r.Outcome} {r.Action} {r.ItemType} {r.Item} {r.Property}"));
        Assert.Empty(await CompareAsync(Folder("export"), staging));
        Assert.DoesNotContain(await _api.DataSources.ListAsync(staging, default), s => s.DataSourceUuid == old);
        Assert.Contains($"POST /api/v1/data-source/{old}/delete", await WritesAsync());
    }

    [Fact]
    public async Task AFailurePartWayReportsWhatWasDoneAndWhatWasNotAndRemovesNothing()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string target = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "Target" }, default)).ChatbotUuid;
        await _api.SourceTags.CreateAsync(target, "Extra tag", "#000000", null, default);
        await _emulator.AddFaultAsync(new() { ["method"] = "POST", ["path"] = "/agent/create$", ["status"] = 400, ["body"] = "{\"error\": \"simulated\"}" });

        await _emulator.ResetRequestsAsync();
        OperationRecorder import = await ImportAsync(Folder("export"), into: target, mirror: true);
        List<ChatbotImportResult> results = import.Of<ChatbotImportResult>();

        OperationError error = Assert.Single(import.Errors);
        Assert.Contains("simulated", error.Exception.Message);
        ChatbotImportResult failed = Assert.Single(results, r => r.Outcome == ChatbotImportOutcome.Failed);
        Assert.Equal((ChatbotImportAction.Create, ChatbotItemType.Agent), (failed.Action, failed.ItemType));
        Assert.Contains(results, r => r.ItemType == ChatbotItemType.DataSource && r.Outcome == ChatbotImportOutcome.Done);
        Assert.Contains(results, r => r.ItemType == ChatbotItemType.SourceTag && r.Action == ChatbotImportAction.Create && r.Outcome == ChatbotImportOutcome.Done);
        Assert.Equal(new[] { "General Q&A", "Extra tag" }, results.Where(r => r.Action == ChatbotImportAction.Remove).Select(r => r.Item));
        Assert.All(results.Where(r => r.Action == ChatbotImportAction.Remove), r => Assert.Equal((ChatbotImportOutcome.NotDone, "not removed: 1 step failed in this run"), (r.Outcome, r.Reason)));
        Assert.Contains(results, r => r.ItemType == ChatbotItemType.ToolFunction && r.Outcome == ChatbotImportOutcome.NotDone);
        Assert.DoesNotContain(await WritesAsync(), w => w.EndsWith("/delete", StringComparison.Ordinal));
        Assert.Contains("1 failed", import.Summary);
        Assert.Equal(2, (await _api.SourceTags.ListAsync(target, default)).Count(t => t.Name != "Extra tag"));
    }

    [Fact]
    public async Task SecretsAreWrittenAsPlaceholdersAndAnImportRefusesWithoutTheirValues()
    {
        string staging = await NewStagingAsync();
        ChatbotExportResult export = await ExportAsync(staging, Folder("export"));
        ChatbotExportResult included = await ExportAsync(staging, Folder("included"), includeSecrets: true);

        string all = string.Concat(export.Files.Select(f => File.ReadAllText(Path.Combine(Folder("export"), f))));
        Assert.DoesNotContain("s3cret", all);
        Assert.Contains("\"Authorization\": \"${env:" + SecretVariable + "}\"", all);
        Assert.Equal(new[] { SecretVariable }, export.SecretVariables);
        Assert.Contains(Secret, File.ReadAllText(Path.Combine(Folder("included"), "agents.json")));
        Assert.Empty(included.SecretVariables);

        await _emulator.ResetRequestsAsync();
        var refused = Assert.Throws<OperationRefusedException>(() => Read(Folder("export"), _ => null));
        Assert.Equal("SecretNotSet", refused.ErrorId);
        Assert.Contains(SecretVariable, refused.Message);
        Assert.Contains("header 'Authorization' of tool function Support / lookup_order", refused.Message);
        Assert.Empty(await _emulator.RequestsAsync());
    }

    [Fact]
    public async Task AnEmbeddedPlaceholderIsResolvedAndSent()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string file = Path.Combine(Folder("export"), "agents.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("${env:" + SecretVariable + "}", "Bearer ${env:CRM_TOKEN}"));

        ChatbotDocument document = Read(Folder("export"), name => name == "CRM_TOKEN" ? "t0ken" : null);

        Assert.Equal("Bearer t0ken", ((IDictionary<string, object?>)document.Functions.Single()["headers"]!)["Authorization"]);
    }

    [Fact]
    public async Task WhatIfPlansEachChangeWithBothValuesAndSendsOnlyReads()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string target = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "Target", Visibility = "private" }, default)).ChatbotUuid;
        await _api.SourceTags.CreateAsync(target, "Extra tag", "#000000", null, default);

        await _emulator.ResetRequestsAsync();
        OperationRecorder plan = await ImportAsync(Folder("export"), into: target, mirror: true, whatIf: true);
        OperationRecorder newChatbot = await ImportAsync(Folder("export"), newName: "Production", whatIf: true);

        Assert.Empty(await WritesAsync());
        List<ChatbotImportResult> planned = plan.Of<ChatbotImportResult>();
        Assert.All(planned, r => Assert.Equal(ChatbotImportOutcome.Planned, r.Outcome));
        ChatbotImportResult visibility = Assert.Single(planned, r => r.Property == "visibility");
        Assert.Equal((ChatbotImportAction.Change, "private", "public"), (visibility.Action, visibility.OldValue, visibility.NewValue));
        Assert.Contains(planned, r => r.Action == ChatbotImportAction.Remove && r.Item == "Extra tag");
        Assert.Contains(planned, r => r.Action == ChatbotImportAction.Create && r.Item == "qa#2: Do you ship abroad?");
        Assert.Contains(plan.Confirmed, c => c.StartsWith("Remove source tag Extra tag", StringComparison.Ordinal));
        Assert.Contains("would create", plan.Summary);

        // A new chatbot is planned against the agent the service gives it, which stands for the files' first user-facing agent.
        List<ChatbotImportResult> created = newChatbot.Of<ChatbotImportResult>();
        Assert.Equal(ChatbotItemType.Chatbot, created[0].ItemType);
        Assert.Contains(created, r => r.Action == ChatbotImportAction.Change && r.Property == "name" && Equals(r.OldValue, "General Q&A") && Equals(r.NewValue, "Helper"));
        Assert.Single(created, r => r.Action == ChatbotImportAction.Create && r.ItemType == ChatbotItemType.Agent && r.Item == "Support");
        Assert.DoesNotContain(created, r => r.Action == ChatbotImportAction.Remove);
    }

    [Fact]
    public void AFolderWithProblemsIsRefusedWithAllOfThemBeforeAnyRequest()
    {
        string folder = Folder("broken");
        Directory.CreateDirectory(folder);
        foreach ((string file, string text) in ExportWriter.Render(new ChatbotDocument { Origin = new ExportOrigin { ChatbotUuid = new string('a', 32) } }))
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        File.WriteAllText(Path.Combine(folder, "agents.json"), "[{\"name\": \"A\", \"type\": \"user-facing\", \"temprature\": 0.5, \"data_sources\": [\"qa: Not there?\"]}]");
        File.WriteAllText(Path.Combine(folder, "source-tags.json"), "[{\"name\": \"T\", \"color\": \"red\"},\n  oops]");

        var refused = Assert.Throws<OperationRefusedException>(() => ExportReader.Read(folder));

        Assert.Equal("InvalidExportFolder", refused.ErrorId);
        Assert.Contains("agents.json at [0].temprature: is not a property an export has (misspelt?)", refused.Message);
        Assert.Contains("source-tags.json: is not valid JSON", refused.Message);
        Assert.Contains("(line 2, column 3)", refused.Message);
    }

    [Fact]
    public async Task AnExportFolderWithAReferenceToNoSourceIsRefused()
    {
        string staging = await NewStagingAsync();
        await ExportAsync(staging, Folder("export"));
        string file = Path.Combine(Folder("export"), "source-tags.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"link: https://example.org/help\"", "\"link: https://example.org/gone\""));

        var refused = Assert.Throws<OperationRefusedException>(() => ExportReader.Read(Folder("export")));

        Assert.Contains("source-tags.json at 'Guides'.data_sources: names 'link: https://example.org/gone', which is not in data-sources.json", refused.Message);
    }
}
