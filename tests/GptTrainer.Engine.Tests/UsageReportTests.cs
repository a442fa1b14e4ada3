using GptTrainer.Api;
using GptTrainer.Conversations;
using GptTrainer.Models;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Get-GptTrainerUsage's engine against the emulator on both runtimes: its figures against a count made by hand
/// on seeded conversations, and the price it estimates credits at.
/// </summary>
public sealed class UsageReportTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    // Four sessions over two months. By hand, in UTC: March 3 (a Monday, ISO week 2025-W10) has S1 and S4 and the
    // messages m1 (rated up) and m2 (cut short, with an error); m3 (frustration, rated down) is just past midnight,
    // on the 4th. S2 starts on Sunday the 9th (still W10) with m4 (rated up); its m5 (rated down, blank error) is
    // on Monday the 10th, W11. S3 is on April 1st (W14) with m6, whose feedback holds no rating.
    private const string Seeded = """
        [
          { "created_at": "2025-03-03T10:00:00Z", "messages": [
              { "query": "m1", "created_at": "2025-03-03T10:00:10Z", "feedback_json": { "rating": "up" } },
              { "query": "m2", "created_at": "2025-03-03T23:59:59Z", "finish_reason": "length", "error_message": "overloaded" },
              { "query": "m3", "created_at": "2025-03-04T00:00:01Z", "detected_frustrations": "Asked three times.", "feedback_json": "{\"thumbs\": \"down\"}" } ] },
          { "created_at": "2025-03-09T12:00:00Z", "messages": [
              { "query": "m4", "created_at": "2025-03-09T12:00:05Z", "feedback_json": "1", "labels": ["sales"] },
              { "query": "m5", "created_at": "2025-03-10T08:00:00Z", "feedback_json": { "vote": -1 }, "error_message": "  " } ] },
          { "created_at": "2025-04-01T00:00:00Z", "messages": [
              { "query": "m6", "created_at": "2025-04-01T00:00:30Z", "feedback_json": { "comment": "nice" }, "detected_frustrations": "" } ] },
          { "created_at": "2025-03-03T15:00:00Z" }
        ]
        """;

    private readonly EmulatorProcess _emulator;
    private GptTrainerApi _api = null!;
    private string _chatbot = null!;
    private List<List<string>> _sessions = null!;

    public UsageReportTests(EmulatorProcess emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        _api = ConversationTesting.Api(_emulator);
        _chatbot = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "usage" }, default)).ChatbotUuid;
        _sessions = await ConversationTesting.ImportAsync(_emulator, _chatbot, Seeded);
        Agent general = (await _api.Agents.ListAsync(_chatbot, default)).Single();
        await _api.Agents.UpdateAsync(general.AgentUuid, new AgentSettings { Model = "gpt-4o-8k" }, _chatbot, default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(List<UsagePeriod> Rows, RecordingHost Host)> ReportAsync(UsageGrouping groupBy, int throttleLimit = 4)
    {
        var host = new RecordingHost();
        var options = new ConversationOptions { ChatbotUuid = _chatbot, ThrottleLimit = throttleLimit };
        List<UsagePeriod> rows = await new UsageReport(_api, host, options, groupBy, TimeZoneInfo.Utc).RunAsync(default);
        return (rows, host);
    }

    /// <summary>A row as Period: Sessions, Messages, CutShort, Errors, Frustrations, RatingsUp, RatingsDown.</summary>
    private static string Figures(UsagePeriod p) => $"{p.Period}: {p.Sessions} {p.Messages} {p.CutShort} {p.Errors} {p.Frustrations} {p.RatingsUp} {p.RatingsDown}";

    [Fact]
    public async Task CountsEachDayAsCountedByHand()
    {
        (List<UsagePeriod> rows, RecordingHost host) = await ReportAsync(UsageGrouping.Day);

        Assert.Equal(
            new[] { "2025-03-03: 2 2 1 1 0 1 0", "2025-03-04: 0 1 0 0 1 0 1", "2025-03-09: 1 1 0 0 0 1 0", "2025-03-10: 0 1 0 0 0 0 1", "2025-04-01: 1 1 0 0 0 0 0" },
            rows.Select(Figures));
        Assert.Equal(new DateTime(2025, 3, 3), rows[0].Start);
        Assert.Equal(new DateTime(2025, 3, 4), rows[0].End);
        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
    }

    [Fact]
    public async Task CountsEachIsoWeekAndEachMonthAsCountedByHand()
    {
        (List<UsagePeriod> weeks, _) = await ReportAsync(UsageGrouping.Week);
        (List<UsagePeriod> months, _) = await ReportAsync(UsageGrouping.Month);

        Assert.Equal(new[] { "2025-W10: 3 4 1 1 1 2 1", "2025-W11: 0 1 0 0 0 0 1", "2025-W14: 1 1 0 0 0 0 0" }, weeks.Select(Figures));
        Assert.Equal((new DateTime(2025, 3, 3), new DateTime(2025, 3, 10)), (weeks[0].Start, weeks[0].End));
        Assert.Equal(new[] { "2025-03: 3 5 1 1 1 2 2", "2025-04: 1 1 0 0 0 0 0" }, months.Select(Figures));
    }

    [Fact]
    public async Task CountsEachSessionWithAllItsMessages()
    {
        (List<UsagePeriod> rows, _) = await ReportAsync(UsageGrouping.Session, throttleLimit: 1);

        Assert.Equal(
            new[] { $"{_sessions[0][0]}: 1 3 1 1 1 1 1", $"{_sessions[3][0]}: 1 0 0 0 0 0 0", $"{_sessions[1][0]}: 1 2 0 0 0 1 1", $"{_sessions[2][0]}: 1 1 0 0 0 0 0" },
            rows.Select(Figures));
        Assert.Equal(_sessions[0][0], rows[0].SessionUuid);
    }

    [Fact]
    public async Task EstimatesCreditsAtThePriceOfTheUserFacingAgentsModelAndSaysSo()
    {
        (List<UsagePeriod> rows, RecordingHost host) = await ReportAsync(UsageGrouping.Month);

        Assert.Equal(new long?[] { 100, 20 }, rows.Select(r => r.EstimatedCredits));
        Assert.All(rows, r => Assert.Equal(("gpt-4o-8k", (long?)20), (r.PricedModel, r.CreditsPerMessage)));
        Assert.StartsWith("Estimate: each message at 20 credits, the price of gpt-4o-8k, the model of the user-facing agent 'General Q&A'", rows[0].PriceBasis);
        Assert.Equal($"Chatbot {_chatbot}: 4 sessions, 6 messages; an estimated 120 credits (each message at 20 credits, the price of gpt-4o-8k, the model of the user-facing agent 'General Q&A'; the service's own count may differ).", Assert.Single(host.Information));
    }

    [Fact]
    public async Task WarnsWhenOtherUserFacingAgentsAnswerWithOtherModels()
    {
        Agent other = await _api.Agents.CreateAsync(_chatbot, new AgentSettings { Name = "Escalation", Type = "user-facing", Model = "gpt-5-8k" }, default);
        await _api.Agents.UpdateAsync(other.AgentUuid, new AgentSettings { Enabled = true }, _chatbot, default);

        (List<UsagePeriod> rows, RecordingHost host) = await ReportAsync(UsageGrouping.Month);

        Assert.Equal("gpt-4o-8k", rows[0].PricedModel);
        Assert.Contains("gpt-5-8k for 'Escalation'", Assert.Single(host.Warnings));
    }

    [Fact]
    public async Task GivesNoEstimateWithoutAPriceAndStillCounts()
    {
        await _emulator.AddFaultAsync(new Dictionary<string, object?> { ["path"] = "/agent/model-costs$", ["status"] = 404 });

        (List<UsagePeriod> rows, RecordingHost host) = await ReportAsync(UsageGrouping.Month);

        Assert.Equal(new[] { 5, 1 }, rows.Select(r => r.Messages));
        Assert.All(rows, r => Assert.Null(r.EstimatedCredits));
        Assert.StartsWith("No estimate:", rows[0].PriceBasis);
        Assert.StartsWith("Credits are not estimated:", Assert.Single(host.Warnings));
    }
}
