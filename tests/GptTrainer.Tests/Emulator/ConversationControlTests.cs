using System.Net;
using System.Text.Json.Nodes;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>An emulator started from a seed that holds past conversations, as a user's suite would hold them.</summary>
public sealed class ConversationSeededEmulatorServer : EmulatorServer, IAsyncLifetime
{
    private static readonly string SeedPath = Path.Combine(Path.GetTempPath(), $"conversation-seed-{Guid.NewGuid():N}.json");

    /// <summary>The emulator reads its seed once, at the start; a reset applies what it read.</summary>
    public new async Task InitializeAsync()
    {
        try
        {
            await base.InitializeAsync();
        }
        finally
        {
            File.Delete(SeedPath);
        }
    }

    protected override EmulatorOptions Options()
    {
        File.WriteAllText(SeedPath, """
            {
              "chatbots": [{
                "name": "Seeded conversations",
                "sessions": [
                  {
                    "created_at": "2025-03-01T10:00:00Z",
                    "meta": { "user": { "email": "ann@example.org" } },
                    "messages": [
                      { "query": "Hello?", "response": "Hi.", "created_at": "2025-03-01T10:00:05Z", "labels": ["greeting"], "feedback_json": { "rating": "up" } }
                    ]
                  },
                  { "created_at": "2025-03-02T10:00:00Z" }
                ]
              }]
            }
            """);
        return new EmulatorOptions { PieceDelayMs = 0, Seed = SeedPath };
    }
}

/// <summary>
/// What only the service's end users and web app give conversations (lead forms, identity, labels, ratings,
/// frustration, errors), set through the control API or a seed, and answered over HTTP in the service's shapes.
/// </summary>
public class ConversationControlTests : IClassFixture<EmulatorServer>, IClassFixture<ConversationSeededEmulatorServer>
{
    private readonly EmulatorServer _server;
    private readonly ConversationSeededEmulatorServer _seeded;

    public ConversationControlTests(EmulatorServer server, ConversationSeededEmulatorServer seeded)
    {
        _server = server;
        _seeded = seeded;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<JsonArray> ListAsync(EmulatorServer server, string path) => (JsonArray)(await server.GetAsync(path)).EnsureOk().Json;

    [Fact]
    public async Task ImportsConversationsWithEveryFieldAndAnswersThemAsTheServiceDoes()
    {
        (string chatbot, _) = await _server.NewChatbotAsync();
        var body = JsonNode.Parse("""
            {"sessions": [{
              "created_at": "2025-03-01T11:00:00Z",
              "meta": { "user": { "email": "ann@example.org", "name": "Ann" }, "auth_data": { "user": "jdoe", "domain": "example.org" } },
              "messages": [
                { "query": "Plans?", "response": "Pro [1.1].", "created_at": "2025-03-01T11:01:10Z", "finish_reason": "length",
                  "cite_data_json": { "1.1": { "title": "Plans", "data_source_uuid": "9a0e1f2b3c4d5e6f708192a3b4c5d6e7" } },
                  "labels": ["billing", "pricing"], "feedback_json": "{\"rating\": \"down\"}",
                  "detected_frustrations": "The user repeated the question.", "error_message": "model overloaded" },
                { "query": "Thanks", "response": "You are welcome." }
              ]
            }]}
            """)!;

        JsonNode imported = (await _server.PostAsync($"_emulator/chatbots/{chatbot}/sessions", body)).EnsureOk().Json;

        string session = (string)imported["sessions"]![0]!["uuid"]!;
        JsonNode fetched = (await _server.GetAsync($"api/v1/session/{session}")).EnsureOk().Json;
        Assert.Equal("2025-03-01T11:00:00Z", (string)fetched["created_at"]!);
        Assert.Equal("ann@example.org", (string)fetched["meta"]!["user"]!["email"]!);
        Assert.Equal("jdoe", (string)fetched["meta"]!["auth_data"]!["user"]!);

        // The reference shows meta on a fetched session only; its list answers carry the three basic fields.
        JsonNode listed = (await ListAsync(_server, $"api/v1/chatbot/{chatbot}/sessions")).Single(s => (string)s!["uuid"]! == session)!;
        Assert.Equal(new[] { "created_at", "modified_at", "uuid" }, ((JsonObject)listed).Select(p => p.Key).Order());

        JsonArray messages = await ListAsync(_server, $"api/v1/session/{session}/messages");
        Assert.Equal(((JsonArray)imported["sessions"]![0]!["messages"]!).Select(u => (string)u!), messages.Select(m => (string)m!["uuid"]!));
        JsonNode first = messages[0]!;
        Assert.Equal("2025-03-01T11:01:10Z", (string)first["created_at"]!);
        Assert.Equal("length", (string)first["finish_reason"]!);
        Assert.Equal("Plans", (string)JsonNode.Parse((string)first["cite_data_json"]!)!["1.1"]!["title"]!);
        Assert.Equal(new[] { "billing", "pricing" }, ((JsonArray)first["labels"]!).Select(l => (string)l!));
        Assert.Equal("{\"rating\": \"down\"}", (string)first["feedback_json"]!);
        Assert.Equal("The user repeated the question.", (string)first["detected_frustrations"]!);
        Assert.Equal("model overloaded", (string)first["error_message"]!);

        // Fields not given stay as the service leaves them, and a message without a time has its session's.
        JsonNode second = messages[1]!;
        Assert.Equal("2025-03-01T11:00:00Z", (string)second["created_at"]!);
        Assert.Equal("stop", (string)second["finish_reason"]!);
        Assert.Null(second["feedback_json"]);
        Assert.Null(second["detected_frustrations"]);
        Assert.Equal("", (string)second["error_message"]!);
        Assert.Empty((JsonArray)second["labels"]!);
    }

    [Fact]
    public async Task GivesAnAskedQuestionLabelsARatingAndAnErrorAndASessionItsLeadForm()
    {
        (_, string session) = await _server.NewChatbotAsync();
        await _server.AskAsync(session, "What plans do you offer?");
        string message = (string)(await ListAsync(_server, $"api/v1/session/{session}/messages"))[0]!["uuid"]!;

        (await _server.PostAsync($"_emulator/messages/{message}", JsonNode.Parse("""{"labels": ["sales"], "feedback_json": {"rating": "up"}, "error_message": "timeout"}"""))).EnsureOk();
        (await _server.PostAsync($"_emulator/sessions/{session}/meta", JsonNode.Parse("""{"user": {"email": "bo@example.org"}}"""))).EnsureOk();

        JsonNode stored = (await ListAsync(_server, $"api/v1/session/{session}/messages"))[0]!;
        Assert.Equal("What plans do you offer?", (string)stored["query"]!);
        Assert.Equal("sales", (string)stored["labels"]![0]!);
        Assert.Equal("{\"rating\":\"up\"}", (string)stored["feedback_json"]!);
        Assert.Equal("timeout", (string)stored["error_message"]!);
        Assert.Equal("bo@example.org", (string)(await _server.GetAsync($"api/v1/session/{session}")).EnsureOk().Json["meta"]!["user"]!["email"]!);
    }

    [Theory]
    [InlineData("""{"sessions": [{"messages": [{"query": "a"}, {"labels": "x"}]}]}""", "sessions[0]: messages[1]: 'labels' must be an array")]
    [InlineData("""{"sessions": [{}, {"created_at": "yesterday"}]}""", "sessions[1]: 'created_at' must be a timestamp")]
    [InlineData("""{"sessions": [{"meta": []}]}""", "sessions[0]: 'meta' must be an object")]
    [InlineData("""{"sessions": [{"messages": [{"rating": "up"}]}]}""", "sessions[0]: messages[0]: unknown field 'rating'")]
    public async Task RefusesABadImportNamingThePlaceAndImportsNothing(string json, string problem)
    {
        (string chatbot, string session) = await _server.NewChatbotAsync();

        Answer answer = await _server.PostAsync($"_emulator/chatbots/{chatbot}/sessions", JsonNode.Parse(json));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith(problem, (string)answer.Json["error"]!);
        Assert.Equal(new[] { session }, (await ListAsync(_server, $"api/v1/chatbot/{chatbot}/sessions")).Select(s => (string)s!["uuid"]!));
    }

    [Fact]
    public async Task StartsAndResetsWithTheSeedsConversations()
    {
        for (int round = 0; round < 2; round++)
        {
            string chatbot = (string)(await ListAsync(_seeded, "api/v1/chatbots"))[0]!["uuid"]!;
            JsonArray sessions = await ListAsync(_seeded, $"api/v1/chatbot/{chatbot}/sessions");

            Assert.Equal(new[] { "2025-03-01T10:00:00Z", "2025-03-02T10:00:00Z" }, sessions.Select(s => (string)s!["created_at"]!));
            string first = (string)sessions[0]!["uuid"]!;
            Assert.Equal("ann@example.org", (string)(await _seeded.GetAsync($"api/v1/session/{first}")).EnsureOk().Json["meta"]!["user"]!["email"]!);
            JsonNode message = Assert.Single(await ListAsync(_seeded, $"api/v1/session/{first}/messages"))!;
            Assert.Equal("greeting", (string)message["labels"]![0]!);
            Assert.Equal("{\"rating\":\"up\"}", (string)message["feedback_json"]!);
            (await _seeded.PostAsync($"api/v1/session/{first}/delete")).EnsureOk();
            (await _seeded.ResetAsync()).EnsureOk();
        }
    }
}
