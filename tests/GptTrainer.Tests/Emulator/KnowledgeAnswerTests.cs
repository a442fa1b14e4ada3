using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

public class KnowledgeAnswerTests : IClassFixture<EmulatorServer>
{
    private const string Policy = """
        Returns are accepted within 30 days of delivery. Refunds reach your card within five working days.

        Parcels to Europe arrive in three days. Parcels to the rest of the world take two weeks.

        Opening hours

        The shop opens at nine and closes at six, from Monday to Saturday.
        """;

    private readonly EmulatorServer _server;

    public KnowledgeAnswerTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<(string Chatbot, string Session)> ShopAsync(bool citations)
    {
        (string chatbot, string session) = await _server.NewChatbotAsync(citations);
        (await _server.UploadAsync($"api/v1/chatbot/{chatbot}/data-source/upload", "policy.txt", Policy)).EnsureOk();
        (await _server.PostAsync($"api/v1/chatbot/{chatbot}/data-source/qa", new JsonObject { ["question"] = "Do you gift wrap presents?", ["answer"] = "Gift wrapping costs two euros." })).EnsureOk();
        await _server.FinishProcessingAsync();
        return (chatbot, session);
    }

    private async Task<JsonNode> LastMessageAsync(string session)
        => ((JsonArray)(await _server.GetAsync($"api/v1/session/{session}/messages")).EnsureOk().Json)[^1]!;

    [Fact]
    public async Task AnswersWithThePassageThatMatchesAndCitesIt()
    {
        (_, string session) = await ShopAsync(citations: true);

        string reply = await _server.AskAsync(session, "How many days do I have for returns after delivery?");

        Assert.Equal("Returns are accepted within 30 days of delivery. Refunds reach your card within five working days [1.1].", reply);
        JsonObject cites = (JsonObject)JsonNode.Parse((string)(await LastMessageAsync(session))["cite_data_json"]!)!;
        Assert.Equal(new[] { "1.1" }, cites.Select(c => c.Key));
        Assert.Equal(
            new[] { "data_source_uuid", "file_name", "text", "title", "type" },
            ((JsonObject)cites["1.1"]!).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("policy.txt", (string)cites["1.1"]!["file_name"]!);
        Assert.Equal("upload", (string)cites["1.1"]!["type"]!);
        Assert.Equal("Returns are accepted within 30 days of delivery. Refunds reach your card within five working days.", (string)cites["1.1"]!["text"]!);
    }

    [Fact]
    public async Task ComposesOneParagraphPerPassageWithMarkersNumberedInOrderOfFirstUse()
    {
        (_, string session) = await ShopAsync(citations: true);

        string reply = await _server.AskAsync(session, "How many days until parcels or refunds arrive?");

        string[] paragraphs = reply.Split("\n\n");
        Assert.Equal(2, paragraphs.Length);
        Assert.StartsWith("Parcels to Europe arrive in three days.", paragraphs[0]);
        Assert.StartsWith("Returns are accepted", paragraphs[1]);
        Assert.Equal(new[] { "1.1", "1.2" }, Regex.Matches(reply, @"\[(\d+\.\d+)\]").Select(m => m.Groups[1].Value));
        JsonObject cites = (JsonObject)JsonNode.Parse((string)(await LastMessageAsync(session))["cite_data_json"]!)!;
        Assert.Equal(new[] { "1.1", "1.2" }, cites.Select(c => c.Key));
        Assert.StartsWith("Parcels to Europe", (string)cites["1.1"]!["text"]!);
    }

    [Fact]
    public async Task FindsAQuestionAndAnswerSourceByItsQuestionButQuotesTheAnswer()
    {
        (_, string session) = await ShopAsync(citations: true);

        string reply = await _server.AskAsync(session, "Can you wrap a present?");

        Assert.Equal("Gift wrapping costs two euros [1.1].", reply);
        JsonNode cite = JsonNode.Parse((string)(await LastMessageAsync(session))["cite_data_json"]!)!["1.1"]!;
        Assert.Equal("qa", (string)cite["type"]!);
        Assert.Equal("Do you gift wrap presents?", (string)cite["title"]!);
    }

    [Fact]
    public async Task SaysItDoesNotKnowWhenNothingMatchesAndNeverEchoesTheQuestion()
    {
        (_, string session) = await ShopAsync(citations: true);

        string reply = await _server.AskAsync(session, "Which volcano erupted in Iceland?");

        Assert.Equal(ReplyComposer.NothingKnown, reply);
        Assert.DoesNotContain("volcano", reply);
        Assert.Equal("{}", (string)(await LastMessageAsync(session))["cite_data_json"]!);
    }

    [Theory]
    [InlineData("Write a 5-paragraph essay explaining what machine learning is.")]
    [InlineData("Describe the history of Iceland in three paragraphs.")]
    [InlineData("List the volcanoes of Iceland.")]
    [InlineData("Give me the steps to climb Hekla as bullet points.")]
    public async Task AnswersAQuestionForSeveralParagraphsOrAListItCannotAnswerInSeveralLines(string question)
    {
        (_, string session) = await ShopAsync(citations: true);

        string reply = await _server.AskAsync(session, question);

        // Line by line, as the SDK's stream reader takes it: the service's model writes what was asked for at length.
        string[] lines = reply.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, $"one line: {reply}");
        Assert.Equal(ReplyComposer.NothingKnown, lines[0]);
        Assert.DoesNotContain("Iceland", reply);
        Assert.Equal("{}", (string)(await LastMessageAsync(session))["cite_data_json"]!);
    }

    [Fact]
    public async Task AnswersSeveralPassagesAsParagraphsOnLinesOfTheirOwn()
    {
        (_, string session) = await ShopAsync(citations: false);

        string reply = await _server.AskAsync(session, "How many days until parcels or refunds arrive?");

        Assert.Equal(
            new[] { "Parcels to Europe arrive in three days. Parcels to the rest of the world take two weeks.", "Returns are accepted within 30 days of delivery. Refunds reach your card within five working days." },
            reply.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task LeavesMarkersOutWhenTheChatbotShowsNoCitations()
    {
        (_, string session) = await ShopAsync(citations: false);

        string reply = await _server.AskAsync(session, "When does the shop open?");

        Assert.Equal("The shop opens at nine and closes at six, from Monday to Saturday.", reply);
        Assert.Equal("{}", (string)(await LastMessageAsync(session))["cite_data_json"]!);
    }

    [Fact]
    public async Task AnswersTheSameQuestionTheSameWayStreamedOrNot()
    {
        (_, string session) = await ShopAsync(citations: true);

        string streamed = await _server.AskAsync(session, "How long do parcels take?");
        string again = await _server.AskAsync(session, "How long do parcels take?");
        JsonNode whole = (await _server.PostAsync($"api/v1/session/{session}/message/non-stream", new JsonObject { ["query"] = "How long do parcels take?" })).EnsureOk().Json;

        Assert.Equal(streamed, again);
        Assert.Equal(streamed, (string)whole["response"]!);
        Assert.Equal(streamed, (string)(await LastMessageAsync(session))["response"]!);
    }

    [Fact]
    public async Task UsesOnlyTheSourcesTheAnsweringAgentIsGiven()
    {
        (string chatbot, string session) = await ShopAsync(citations: false);
        string gift = (string)((JsonArray)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/data-sources")).Json).Single(s => (string)s!["type"]! == "qa")!["uuid"]!;
        string agent = (string)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/agents")).Json[0]!["uuid"]!;
        (await _server.PostAsync($"api/v1/agent/{agent}/update", new JsonObject { ["use_all_sources"] = false, ["data_source_uuids"] = new JsonArray(gift) })).EnsureOk();

        Assert.Equal(ReplyComposer.NothingKnown, await _server.AskAsync(session, "When does the shop open?"));
        Assert.Equal("Gift wrapping costs two euros.", await _server.AskAsync(session, "Do you gift wrap?"));
    }

    [Fact]
    public void StreamsAnswersOneWordAPieceKeepingTheBlankLinesBetweenParagraphs()
    {
        List<string> pieces = ReplyComposer.PiecesOf("First para.\n\nSecond one here.", splitUtf8: false, wordsPerPiece: 1)
            .Select(b => System.Text.Encoding.UTF8.GetString(b)).ToList();

        Assert.Equal(new[] { "First ", "para.\n\n", "Second ", "one ", "here." }, pieces);
    }
}
