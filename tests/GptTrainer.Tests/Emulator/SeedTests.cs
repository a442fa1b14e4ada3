using System.Net;
using System.Text.Json.Nodes;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>An emulator started from the sample seed, as a user's suite would start from theirs.</summary>
public sealed class SeededEmulatorServer : EmulatorServer
{
    public static string SamplePath => Path.Combine(Path.GetDirectoryName(typeof(EmulatorHost).Assembly.Location)!, "seed.sample.json");

    protected override EmulatorOptions Options() => new() { PieceDelayMs = 0, Seed = SamplePath };
}

public class SeedTests : IClassFixture<SeededEmulatorServer>
{
    private readonly SeededEmulatorServer _server;

    public SeedTests(SeededEmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<JsonObject> ChatbotAsync(string name)
        => (JsonObject)((JsonArray)(await _server.GetAsync("api/v1/chatbots")).EnsureOk().Json).Single(c => (string)c!["name"]! == name)!;

    private async Task<JsonArray> ListAsync(string path) => (JsonArray)(await _server.GetAsync(path)).EnsureOk().Json;

    [Fact]
    public async Task StartsWithTheSeedsChatbotsAndTheirSettings()
    {
        JsonArray chatbots = await ListAsync("api/v1/chatbots");

        Assert.Equal(new[] { "Acme support", "Internal helpdesk" }, chatbots.Select(c => (string)c!["name"]!).Order());
        JsonObject acme = await ChatbotAsync("Acme support");
        Assert.True((bool)acme["meta"]!["show_citations"]!);
        Assert.Equal("Too many messages, please wait a moment.", (string)acme["meta"]!["rate_limit_message"]!);
    }

    [Fact]
    public async Task HoldsItsSourcesProcessedTitledAndTaggedByName()
    {
        string acme = (string)(await ChatbotAsync("Acme support"))["uuid"]!;
        JsonArray sources = await ListAsync($"api/v1/chatbot/{acme}/data-sources");
        JsonArray tags = await ListAsync($"api/v1/chatbot/{acme}/source-tags");

        Assert.All(sources, s => Assert.Equal("success", (string)s!["status"]!));
        Assert.Equal(new[] { "link", "qa", "qa", "upload" }, sources.Select(s => (string)s!["type"]!).Order());
        JsonNode policy = sources.Single(s => (string)s!["file_name"]! == "returns-policy.txt")!;
        Assert.Equal("Returns policy", (string)policy["title"]!);
        string page = (string)sources.Single(s => (string)s!["type"]! == "link")!["uuid"]!;
        JsonNode shipping = tags.Single(t => (string)t!["name"]! == "Shipping")!;
        Assert.Equal(new[] { page }, ((JsonArray)shipping["data_source_uuids"]!).Select(u => (string)u!));
        Assert.Equal(3, ((JsonArray)tags.Single(t => (string)t!["name"]! == "Customer service")!["data_source_uuids"]!).Count);
    }

    [Fact]
    public async Task ChangesTheGeneralAgentAndCreatesTheOthers()
    {
        string acme = (string)(await ChatbotAsync("Acme support"))["uuid"]!;
        JsonArray agents = await ListAsync($"api/v1/chatbot/{acme}/agents");
        JsonNode Agent(string name) => agents.Single(a => (string)a!["name"]! == name)!;

        Assert.Equal(4, agents.Count);
        Assert.Equal("gpt-4o-mini-16k", (string)Agent("General Q&A")["meta"]!["model"]!);
        Assert.Equal("refund", (string)Agent("Refund spotter")["meta"]!["tags"]![0]!["name"]!);
        Assert.Equal(1, (int)Agent("Human help")["enabled"]!);
        Assert.Equal(1, (int)Agent("Human help")["human_escalation_settings"]!["notifications_enabled"]!);
        string page = (string)(await ListAsync($"api/v1/chatbot/{acme}/data-sources")).Single(s => (string)s!["type"]! == "link")!["uuid"]!;
        Assert.Equal(new[] { page }, ((JsonArray)Agent("Shipping desk")["data_source_uuids"]!).Select(u => (string)u!));
    }

    [Fact]
    public async Task AnswersFromTheSeedsKnowledgeAtOnce()
    {
        string helpdesk = (string)(await ChatbotAsync("Internal helpdesk"))["uuid"]!;
        string session = (await _server.PostAsync($"api/v1/chatbot/{helpdesk}/session/create")).EnsureOk().Uuid;

        Assert.StartsWith("Open Settings, choose Security", await _server.AskAsync(session, "How do I reset my password?"));
    }

    [Fact]
    public async Task ResetGoesBackToTheSeedAndForgetsTheSeedsOwnRequests()
    {
        string acme = (string)(await ChatbotAsync("Acme support"))["uuid"]!;
        (await _server.SendAsync(HttpMethod.Delete, $"api/v1/chatbot/{acme}/delete")).EnsureOk();
        (await _server.PostAsync("api/v1/chatbot/create", new JsonObject { ["name"] = "Extra" })).EnsureOk();

        await _server.ResetAsync();

        Assert.Empty((JsonArray)(await _server.GetAsync("_emulator/requests")).Json);
        Assert.Equal(new[] { "Acme support", "Internal helpdesk" }, (await ListAsync("api/v1/chatbots")).Select(c => (string)c!["name"]!).Order());
    }
}

public class SeedFileTests
{
    private static string Write(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData("{\"chatbots\": [{\"name\": \"x\",}]", "is not valid JSON")]
    [InlineData("[]", "the file must hold one JSON object")]
    [InlineData("{\"bots\": []}", "the file: unknown field 'bots'; allowed: chatbots")]
    [InlineData("{\"chatbots\": [{\"visibility\": \"public\"}]}", "chatbots[0]: 'name' must be a non-empty string")]
    [InlineData("{\"chatbots\": [{\"name\": \"x\", \"faq\": []}]}", "chatbots[0]: unknown field 'faq'")]
    [InlineData("{\"chatbots\": [{\"name\": \"x\", \"files\": [{\"name\": \"a.txt\"}]}]}", "chatbots[0].files[0]: 'text' must be a non-empty string")]
    [InlineData("{\"chatbots\": [{\"name\": \"x\", \"qa\": [{\"question\": \"q\", \"answer\": \"a\", \"tags\": [\"Billing\"]}]}]}", "chatbots[0].qa[0]: tag 'Billing' is not among the chatbot's tags")]
    [InlineData("{\"chatbots\": [{\"name\": \"x\", \"agents\": [{\"name\": \"a\", \"sources\": [\"nope.txt\"]}]}]}", "chatbots[0].agents[0]: source 'nope.txt' is not a file name, URL or question of the chatbot")]
    public void NamesWhereAndWhyAFileIsNotASeed(string json, string expected)
    {
        string path = Write(json);
        try
        {
            var ex = Assert.Throws<SeedException>(() => SeedFile.Read(path));
            Assert.StartsWith($"seed file {path}", ex.Message);
            Assert.Contains(expected, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SaysWhenTheFileIsMissing()
    {
        var ex = Assert.Throws<SeedException>(() => SeedFile.Read("/no/such/seed.json"));
        Assert.StartsWith("seed file /no/such/seed.json cannot be read", ex.Message);
    }

    [Fact]
    public async Task RefusesToStartWithASeedTheApiRefusesSayingWhereAndWhy()
    {
        string path = Write("{\"chatbots\": [{\"name\": \"x\", \"agents\": [{\"name\": \"General Q&A\", \"model\": \"gpt-4o-mini\"}]}]}");
        try
        {
            var ex = await Assert.ThrowsAsync<SeedException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Seed = path }));
            Assert.Equal($"seed file {path}: chatbots[0].agents[0]: the API answered 400: model must be one of {string.Join(", ", ModelCatalogue.Names)}", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
