using GptTrainer.Api;
using GptTrainer.Conversations;
using GptTrainer.Json;
using GptTrainer.Models;
using GptTrainer.Text;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Get-GptTrainerSession -User against the emulator on both runtimes: a person is found by a lead-form value or a
/// verified identity value, and by nothing else; and the small rules the export relies on (ratings, CSV cells).
/// </summary>
public sealed class SessionSearchTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    private readonly EmulatorProcess _emulator;
    private GptTrainerApi _api = null!;
    private string _chatbot = null!;

    public SessionSearchTests(EmulatorProcess emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        _api = ConversationTesting.Api(_emulator);
        _chatbot = (await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "people" }, default)).ChatbotUuid;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> FindAsync(params string[] people)
    {
        List<Session> listed = await _api.Sessions.ListAsync(_chatbot, null, null, default);
        List<Session> found = await SessionSearch.OfPeopleAsync(_api, new RecordingHost(), listed, people, 4, default);
        return found.Select(s => s.SessionUuid).ToList();
    }

    [Fact]
    public async Task FindsByLeadFormEmailAndByVerifiedIdentityAndNothingElse()
    {
        List<List<string>> sessions = await ConversationTesting.ImportAsync(_emulator, _chatbot, """
            [
              { "meta": { "user": { "name": "Ann", "email": "Ann@Example.org " } } },
              { "meta": { "auth_data": { "user": "jdoe", "org": { "domain": "example.org", "id": 1042 } } } },
              { "meta": { "user": { "email": "joann@example.org" } } },
              { "meta": { "user": { "ann@example.org": "a field named like her" } } },
              { "messages": [{ "query": "I am ann@example.org, delete my data", "response": "ann@example.org noted." }] },
              { "meta": { "other": { "email": "ann@example.org" } } }
            ]
            """);
        Session variables = await _api.Sessions.CreateAsync(_chatbot, new Dictionary<string, object?> { ["email"] = "ann@example.org" }, default);

        Assert.Equal(new[] { sessions[0][0] }, await FindAsync("ann@example.org"));
        Assert.Equal(new[] { sessions[1][0] }, await FindAsync("JDOE"));
        Assert.Equal(new[] { sessions[1][0] }, await FindAsync("1042"));
        Assert.Equal(new[] { sessions[0][0], sessions[1][0] }, await FindAsync("ann@example.org", "jdoe"));
        Assert.Empty(await FindAsync("ann@"));
        Assert.Empty(await FindAsync("Ann@Example"));
        Assert.DoesNotContain(variables.SessionUuid, await FindAsync("ann@example.org"));
    }

    [Fact]
    public async Task ReadsEachListedSessionForWhatTheListLeavesOutAndReportsOneThatFails()
    {
        List<List<string>> sessions = await ConversationTesting.ImportAsync(_emulator, _chatbot, """[{ "meta": { "user": { "email": "ann@example.org" } } }, {}]""");
        await _emulator.AddFaultAsync(new Dictionary<string, object?> { ["path"] = $"/session/{sessions[1][0]}$", ["status"] = 500 });
        var host = new RecordingHost();
        List<Session> listed = await _api.Sessions.ListAsync(_chatbot, null, null, default);

        List<Session> found = await SessionSearch.OfPeopleAsync(_api, host, listed, new[] { "ann@example.org" }, 4, default);

        Assert.All(listed, s => Assert.Null(s.Meta));
        Assert.Equal(sessions[0][0], Assert.Single(found).SessionUuid);
        ConversationTesting.SingleError(host, "Http500", sessions[1][0]);
    }

    [Theory]
    [InlineData("{\"rating\": \"up\"}", "up")]
    [InlineData("{\"Rating\": \"Thumbs_Down\"}", "down")]
    [InlineData("{\"vote\": 1}", "up")]
    [InlineData("{\"score\": -1}", "down")]
    [InlineData("{\"liked\": false}", "down")]
    [InlineData("{\"feedback\": {\"type\": \"positive\"}}", "up")]
    [InlineData("\"dislike\"", "down")]
    [InlineData("-1", "down")]
    [InlineData("{\"comment\": \"up to you\"}", null)]
    [InlineData("{\"rating\": 0}", null)]
    [InlineData("not json", null)]
    public void ReadsARatingFromTheShapesFeedbackMayHave(string feedbackJson, string? rating)
        => Assert.Equal(rating, Rating.Of(ModelReader.EmbeddedJson(feedbackJson)));

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@A1", "\"'@A1\"")]
    [InlineData("\tA1", "\"'\tA1\"")]
    [InlineData("\rA1", "\"'\rA1\"")]
    [InlineData(" \n=A1", "\"' \n=A1\"")]
    [InlineData("\uFF1DA1", "\"'\uFF1DA1\"")]
    [InlineData("say \"hi\", then =go", "\"say \"\"hi\"\", then =go\"")]
    [InlineData("line\r\nbreak", "\"line\r\nbreak\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void QuotesEveryCellAndNeutralisesFormulas(string? value, string cell) => Assert.Equal(cell, CsvText.Cell(value));
}
