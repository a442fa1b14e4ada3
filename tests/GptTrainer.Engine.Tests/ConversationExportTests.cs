using GptTrainer.Api;
using GptTrainer.Conversations;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using GptTrainer.Text;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Export-GptTrainerConversation's engine against the emulator over HTTP, on both runtimes: every field in both
/// formats, formulas neutralised in CSV, records on disk as sessions arrive, and incremental runs that write
/// exactly what is new.
/// </summary>
public sealed class ConversationExportTests : IClassFixture<EmulatorProcess>, IAsyncLifetime, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gtexport-" + Guid.NewGuid().ToString("N"));
    private GptTrainerApi _api = null!;
    private string _chatbot = null!;

    public ConversationExportTests(EmulatorProcess emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        _api = ConversationTesting.Api(_emulator);
        _chatbot = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "export" }, default)).ChatbotUuid;
        Directory.CreateDirectory(_work);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string PathOf(string name) => Path.Combine(_work, name);

    private async Task<(ConversationExportResult Result, RecordingHost Host)> ExportAsync(
        string file, ConversationFormat format = ConversationFormat.JsonLines, ExportState? state = null, bool append = false, int throttleLimit = 4, CancellationToken cancellationToken = default)
    {
        var host = new RecordingHost();
        var options = new ConversationOptions { ChatbotUuid = _chatbot, ThrottleLimit = throttleLimit };
        ConversationFile? output = null;
        try
        {
            ConversationExportResult result = await new ConversationExport(_api, host, options).RunAsync(() => output = ConversationFile.Open(file, format, append), format, state, cancellationToken);
            return (result, host);
        }
        finally
        {
            output?.Dispose();
        }
    }

    private Task<List<List<string>>> ImportAsync(string sessionsJson) => ConversationTesting.ImportAsync(_emulator, _chatbot, sessionsJson);

    private const string Everything = """
        [{
          "created_at": "2025-03-01T11:00:00Z",
          "meta": { "user": { "email": "ann@example.org", "name": "Ann Émile" }, "auth_data": { "user": "jdoe", "domain": "example.org" } },
          "messages": [{
            "query": "What plans, \"exactly\", do you offer?", "response": "Basic, Pro\nand Enterprise [1.1] [1.2] [2.1].", "created_at": "2025-03-01T11:01:10Z",
            "finish_reason": "length",
            "cite_data_json": { "1.1": { "title": "Plans" }, "1.2": { "title": "Plans" }, "2.1": { "title": "Prices, 2025" } },
            "labels": ["pricing", "sales"], "feedback_json": { "rating": "down", "comment": "too short" },
            "detected_frustrations": "Asked twice.", "error_message": "model overloaded"
          }]
        }, {
          "created_at": "2025-03-02T09:30:00Z",
          "messages": [{ "query": "Hi", "response": "Hello!", "created_at": "2025-03-02T09:30:05Z" }]
        }]
        """;

    [Fact]
    public async Task WritesEveryFieldToJsonLines()
    {
        List<List<string>> uuids = await ImportAsync(Everything);

        (ConversationExportResult result, RecordingHost host) = await ExportAsync(PathOf("all.jsonl"));

        byte[] bytes = File.ReadAllBytes(PathOf("all.jsonl"));
        Assert.NotEqual(0xEF, bytes[0]);
        string[] lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        var records = lines.Take(2).Select(l => (JsonObject)JsonReader.Parse(l)!).OrderBy(r => r.GetString("session_created_at")).ToList();
        JsonObject full = records[0];
        Assert.Equal(ConversationRecord.Fields, full.Keys);
        Assert.Equal(_chatbot, full.GetString("chatbot_uuid"));
        Assert.Equal(uuids[0][0], full.GetString("session_uuid"));
        Assert.Equal("2025-03-01T11:00:00Z", full.GetString("session_created_at"));
        Assert.Equal("ann@example.org", full.GetObject("lead_form")!.GetString("email"));
        Assert.Equal("Ann Émile", full.GetObject("lead_form")!.GetString("name"));
        Assert.Equal("example.org", full.GetObject("identity")!.GetString("domain"));
        Assert.Equal(uuids[0][1], full.GetString("message_uuid"));
        Assert.Equal("2025-03-01T11:01:10Z", full.GetString("message_created_at"));
        Assert.Equal("What plans, \"exactly\", do you offer?", full.GetString("question"));
        Assert.Equal("Basic, Pro\nand Enterprise [1.1] [1.2] [2.1].", full.GetString("answer"));
        Assert.Equal("length", full.GetString("finish_reason"));
        Assert.Equal(new[] { "Plans", "Prices, 2025" }, full.GetStringArray("sources"));
        Assert.Equal(new[] { "pricing", "sales" }, full.GetStringArray("labels"));
        Assert.Equal("down", full.GetString("rating"));
        Assert.Equal("too short", ((JsonObject)JsonReader.Parse(full.GetString("feedback_json")!)!).GetString("comment"));
        Assert.Equal("Asked twice.", full.GetString("detected_frustrations"));
        Assert.Equal("model overloaded", full.GetString("error_message"));

        JsonObject plain = records[1];
        Assert.Null(plain["lead_form"]);
        Assert.Null(plain["identity"]);
        Assert.Null(plain["rating"]);
        Assert.Empty(plain.GetStringArray("sources"));

        Assert.Equal(2, result.SessionsFound);
        Assert.Equal(2, result.SessionsExported);
        Assert.Equal(2, result.Messages);
        Assert.Equal(uuids.Select(s => s[0]).OrderBy(u => u), result.SessionUuids.OrderBy(u => u));
        Assert.Empty(host.Errors);
        Assert.Contains("Exported 2 messages of 2 sessions", Assert.Single(host.Information));
        Assert.Equal("2 of 2 sessions, 2 messages written", host.Progress.Last(p => !p.Completed).Status);
    }

    [Fact]
    public async Task WritesEveryFieldToCsvThatASpreadsheetOpens()
    {
        List<List<string>> uuids = await ImportAsync(Everything);

        await ExportAsync(PathOf("all.csv"), ConversationFormat.Csv);

        byte[] bytes = File.ReadAllBytes(PathOf("all.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        string text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text);
        List<List<string>> rows = ConversationTesting.ParseCsv(text);
        Assert.Equal(ConversationRecord.Fields, rows[0]);
        Assert.Equal(3, rows.Count);
        Dictionary<string, string> full = rows.Skip(1).Select(r => ConversationRecord.Fields.Zip(r, (k, v) => (k, v)).ToDictionary(p => p.k, p => p.v)).Single(r => r["session_uuid"] == uuids[0][0]);
        Assert.Equal(_chatbot, full["chatbot_uuid"]);
        Assert.Equal("2025-03-01T11:00:00Z", full["session_created_at"]);
        Assert.Equal("ann@example.org", ((JsonObject)JsonReader.Parse(full["lead_form"])!).GetString("email"));
        Assert.Equal("Ann Émile", ((JsonObject)JsonReader.Parse(full["lead_form"])!).GetString("name"));
        Assert.Equal("jdoe", ((JsonObject)JsonReader.Parse(full["identity"])!).GetString("user"));
        Assert.Equal(uuids[0][1], full["message_uuid"]);
        Assert.Equal("2025-03-01T11:01:10Z", full["message_created_at"]);
        Assert.Equal("What plans, \"exactly\", do you offer?", full["question"]);
        Assert.Equal("Basic, Pro\nand Enterprise [1.1] [1.2] [2.1].", full["answer"]);
        Assert.Equal("length", full["finish_reason"]);
        Assert.Equal("Plans; Prices, 2025", full["sources"]);
        Assert.Equal("pricing; sales", full["labels"]);
        Assert.Equal("down", full["rating"]);
        Assert.Contains("\"too short\"", full["feedback_json"]);
        Assert.Equal("Asked twice.", full["detected_frustrations"]);
        Assert.Equal("model overloaded", full["error_message"]);
    }

    [Fact]
    public async Task NeutralisesEveryFormulaLookingCellInCsvAndKeepsJsonLinesExact()
    {
        string[] formulas = { "=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tx", "\rx", "  =1+1", "\uFF1D1+1" };
        string messages = string.Join(",", formulas.Select(f => $$"""{ "query": {{JsonWriter.Serialize(f)}}, "response": {{JsonWriter.Serialize(f)}}, "labels": [{{JsonWriter.Serialize(f)}}] }"""));
        await ImportAsync($$"""[{ "meta": { "user": { "name": "=cmd" } }, "messages": [{{messages}}, { "query": "a-b", "response": "x = y" }] }]""");

        await ExportAsync(PathOf("f.csv"), ConversationFormat.Csv, throttleLimit: 1);
        await ExportAsync(PathOf("f.jsonl"));

        List<List<string>> rows = ConversationTesting.ParseCsv(File.ReadAllText(PathOf("f.csv")).TrimStart('\uFEFF')).Skip(1).ToList();
        int question = Array.IndexOf(ConversationRecord.Fields, "question");
        int answer = Array.IndexOf(ConversationRecord.Fields, "answer");
        int labels = Array.IndexOf(ConversationRecord.Fields, "labels");
        Assert.Equal(formulas.Select(f => "'" + f), rows.Take(formulas.Length).Select(r => r[answer]));
        Assert.Equal(formulas.Select(f => "'" + f), rows.Take(formulas.Length).Select(r => r[question]));
        Assert.Equal(formulas.Select(f => "'" + f), rows.Take(formulas.Length).Select(r => r[labels]));
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(CsvText.StartsFormula(cell), $"a cell starts a formula: {cell}"));
        Assert.Equal(new[] { "a-b", "x = y" }, new[] { rows[formulas.Length][question], rows[formulas.Length][answer] });

        var exact = File.ReadAllLines(PathOf("f.jsonl")).Select(l => ((JsonObject)JsonReader.Parse(l)!).GetString("answer")).ToList();
        Assert.Equal(formulas.Concat(new[] { "x = y" }), exact);
    }

    [Fact]
    public async Task AnIncrementalRunExportsExactlyTheNewRecords()
    {
        List<List<string>> first = await ImportAsync("""
            [{ "created_at": "2025-03-01T10:00:00Z", "messages": [{ "query": "a1", "created_at": "2025-03-01T10:00:01Z" }, { "query": "a2", "created_at": "2025-03-01T10:00:02Z" }] },
             { "created_at": "2025-03-02T10:00:00Z", "messages": [{ "query": "b1", "created_at": "2025-03-02T10:00:05Z" }] },
             { "created_at": "2025-03-03T10:00:00Z" }]
            """);
        string statePath = PathOf("state.json");
        ExportState Load() => ExportState.Load(statePath, statePath, _chatbot);

        (ConversationExportResult run1, _) = await ExportAsync(PathOf("1.jsonl"), state: Load());
        Assert.Equal(new[] { "a1", "a2", "b1" }, Questions(PathOf("1.jsonl")).OrderBy(q => q));
        Assert.Equal(3, run1.SessionsFound);

        // New since: a message in an old session, one in the same second as the last exported (told apart by
        // its uuid), one in the session that had none, and a new session.
        string a3 = await AskAsync(first[0][0], "a3", null);
        string b2 = await AskAsync(first[1][0], "b2", "2025-03-02T10:00:05Z");
        string c1 = await AskAsync(first[2][0], "c1", null);
        List<List<string>> added = await ImportAsync("""[{ "messages": [{ "query": "d1" }, { "query": "d2" }] }]""");

        (ConversationExportResult run2, _) = await ExportAsync(PathOf("2.jsonl"), state: Load());
        List<JsonObject> second = File.ReadAllLines(PathOf("2.jsonl")).Select(l => (JsonObject)JsonReader.Parse(l)!).ToList();
        Assert.Equal(new[] { a3, b2, c1 }.Concat(added[0].Skip(1)).OrderBy(u => u).ToList(), second.Select(r => r.GetString("message_uuid")!).OrderBy(u => u).ToList());
        Assert.Equal(4, run2.SessionsFound);
        Assert.Equal(4, run2.SessionsExported);

        (ConversationExportResult run3, _) = await ExportAsync(PathOf("3.jsonl"), state: Load());
        Assert.Equal(0, run3.Messages);
        Assert.Equal(0, new FileInfo(PathOf("3.jsonl")).Length);

        // The state is a small file a person can read, and forgets a session the chatbot no longer has.
        string state = File.ReadAllText(statePath);
        Assert.Contains("\"kind\": \"GptTrainer conversation export state\"", state);
        Assert.Contains(first[1][0], state);
        await _api.Sessions.DeleteAsync(first[1][0], default);
        await ExportAsync(PathOf("4.jsonl"), state: Load());
        Assert.DoesNotContain(first[1][0], File.ReadAllText(statePath));
        Assert.Contains(first[0][0], File.ReadAllText(statePath));
    }

    [Fact]
    public async Task ASessionThatFailsIsAnErrorAboutItAloneAndIsExportedByTheNextRun()
    {
        List<List<string>> sessions = await ImportAsync("""[{ "messages": [{ "query": "a" }] }, { "messages": [{ "query": "b" }] }]""");
        await _emulator.AddFaultAsync(new Dictionary<string, object?> { ["path"] = $"/session/{sessions[1][0]}/messages$", ["status"] = 500 });
        string statePath = PathOf("state.json");

        (ConversationExportResult failed, RecordingHost host) = await ExportAsync(PathOf("1.jsonl"), state: ExportState.Load(statePath, statePath, _chatbot));
        (ConversationExportResult next, _) = await ExportAsync(PathOf("2.jsonl"), state: ExportState.Load(statePath, statePath, _chatbot));

        ConversationTesting.SingleError(host, "Http500", sessions[1][0]);
        Assert.Equal(1, failed.SessionsFailed);
        Assert.Equal(new[] { "a" }, Questions(PathOf("1.jsonl")));
        Assert.Equal(new[] { "b" }, Questions(PathOf("2.jsonl")));
        Assert.Equal(0, next.SessionsFailed);
    }

    [Fact]
    public async Task AFileThatCannotBeWrittenEndsTheExportAndItsStateKeepsNothingUnwritten()
    {
        // /dev/full takes the file open and refuses every write, as a full disk does.
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        await ImportAsync("""[{ "messages": [{ "query": "a" }] }, { "messages": [{ "query": "b" }] }]""");
        string statePath = PathOf("state.json");

        var full = await Assert.ThrowsAsync<LocalFileException>(() => ExportAsync("/dev/full", state: ExportState.Load(statePath, statePath, _chatbot), throttleLimit: 1));

        Assert.Equal(("ExportNotWritten", ErrorKind.WriteError), (full.ErrorId, full.Category));
        Assert.Equal(0, ExportState.Load(statePath, statePath, _chatbot).Count);
    }

    [Fact]
    public async Task WritesEachSessionAsItArrivesWhileOthersAreStillBeingRead()
    {
        List<List<string>> sessions = await ImportAsync(string.Concat("[", string.Join(",", Enumerable.Range(1, 6).Select(i => $$"""{ "messages": [{ "query": "q{{i}}" }] }""")), "]"));
        await _emulator.AddFaultAsync(new Dictionary<string, object?> { ["path"] = $"/session/{sessions[0][0]}/messages$", ["stallBeforeHeadersMs"] = 120_000 });
        using var stop = new CancellationTokenSource();

        Task<(ConversationExportResult, RecordingHost)> export = ExportAsync(PathOf("s.jsonl"), throttleLimit: 2, cancellationToken: stop.Token);

        // With one of two workers held by the first session, the other writes the remaining five, one by one.
        await ConversationTesting.WaitUntilAsync(() => Questions(PathOf("s.jsonl"), shared: true).Count == 5, "five sessions on disk");
        Assert.False(export.IsCompleted);
        Assert.Equal(new[] { "q2", "q3", "q4", "q5", "q6" }, Questions(PathOf("s.jsonl"), shared: true).OrderBy(q => q));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export);
    }

    [Fact]
    public async Task AddsToAnExportWithAppendAndRefusesACsvFileOfOtherColumns()
    {
        await ImportAsync("""[{ "messages": [{ "query": "one" }] }]""");
        await ExportAsync(PathOf("a.csv"), ConversationFormat.Csv);
        await ExportAsync(PathOf("a.csv"), ConversationFormat.Csv, append: true);
        File.WriteAllText(PathOf("other.csv"), "name,value\r\nx,1\r\n");

        List<List<string>> rows = ConversationTesting.ParseCsv(File.ReadAllText(PathOf("a.csv")).TrimStart('\uFEFF'));
        var refused = Assert.Throws<LocalFileException>(() => ConversationFile.CheckAppendable(PathOf("other.csv"), "other.csv", ConversationFormat.Csv));

        Assert.Equal(3, rows.Count);
        Assert.Equal(ConversationRecord.Fields, rows[0]);
        Assert.Equal(1, File.ReadAllBytes(PathOf("a.csv")).Count(b => b == 0xEF));
        Assert.Equal("NotAnExportFile", refused.ErrorId);
        ConversationFile.CheckAppendable(PathOf("a.csv"), "a.csv", ConversationFormat.Csv);
    }

    [Fact]
    public void RefusesAStateOfAnotherChatbotOrNoStateAtAll()
    {
        string statePath = PathOf("state.json");
        ExportState.Load(statePath, statePath, _chatbot).Save(DateTime.Now);
        File.WriteAllText(PathOf("notes.json"), "{\"notes\": []}");

        var other = Assert.Throws<LocalFileException>(() => ExportState.Load(statePath, "state.json", new string('a', 32)));
        var garbage = Assert.Throws<LocalFileException>(() => ExportState.Load(PathOf("notes.json"), "notes.json", _chatbot));

        Assert.Equal(("StateOfAnotherChatbot", ErrorKind.InvalidArgument), (other.ErrorId, other.Category));
        Assert.Contains(_chatbot, other.Message);
        Assert.Equal(("StateNotReadable", ErrorKind.InvalidData), (garbage.ErrorId, garbage.Category));
        Assert.Equal(0, ExportState.Load(statePath, statePath, _chatbot).Count);
    }

    [Fact]
    public void RefusesAPathThatCannotBeWrittenAndLeavesNoFileBehindWhenItCan()
    {
        string file = PathOf("new.jsonl");
        ConversationFile.CheckWritable(file, "new.jsonl", "Path");
        Assert.False(File.Exists(file));

        var folder = Assert.Throws<LocalFileException>(() => ConversationFile.CheckWritable(_work, "work", "Path"));
        var missing = Assert.Throws<LocalFileException>(() => ConversationFile.CheckWritable(Path.Combine(_work, "no", "x.jsonl"), "no/x.jsonl", "Path"));

        Assert.Equal(("PathIsAFolder", ErrorKind.InvalidArgument), (folder.ErrorId, folder.Category));
        Assert.Equal(("FolderNotFound", ErrorKind.ObjectNotFound), (missing.ErrorId, missing.Category));
    }

    private async Task<string> AskAsync(string session, string query, string? createdAt)
    {
        await _emulator.SetReplyAsync(session, new Dictionary<string, object?> { ["text"] = "ok", ["pieceDelayMs"] = 0 });
        using (ReplyReader reader = await _api.Messages.StreamAsync(session, query, default))
        {
            while (await reader.ReadPieceAsync() is not null)
            {
            }
        }

        string uuid = (await _api.Messages.FindStoredAsync(session, query, default))!.MessageUuid;
        if (createdAt is not null)
        {
            await _emulator.ControlJsonAsync($"messages/{uuid}", new Dictionary<string, object?> { ["created_at"] = createdAt });
        }

        return uuid;
    }

    private static List<string> Questions(string file, bool shared = false)
    {
        if (shared && !File.Exists(file))
        {
            // Still listing the sessions: the file is opened once they are known.
            return new List<string>();
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, shared ? FileShare.ReadWrite : FileShare.Read);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => ((JsonObject)JsonReader.Parse(l)!).GetString("question")!).ToList();
    }
}
