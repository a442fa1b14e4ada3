using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace GptTrainer.Tests;

public class ModelCatalogueTests : IClassFixture<EmulatorServer>
{
    private readonly EmulatorServer _server;

    public ModelCatalogueTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task ListsTheModelsAndCostsTheServiceWasSeenToCharge()
    {
        JsonArray models = (JsonArray)(await _server.GetAsync("api/v1/agent/models")).EnsureOk().Json["models"]!;
        JsonObject costs = (JsonObject)(await _server.GetAsync("api/v1/agent/model-costs")).EnsureOk().Json["model_costs"]!;

        Assert.Contains("gpt-4o-mini-32k", models.Select(m => (string)m!));
        Assert.Equal(models.Select(m => (string)m!).OrderBy(m => m), costs.Select(c => c.Key).OrderBy(m => m));
        Assert.Equal(1, (int)costs["gpt-4o-mini-4k"]!);
        Assert.Equal(20, (int)costs["gpt-4o-8k"]!);
        Assert.Equal(60, (int)costs["gpt-4-1106-preview-16k"]!);
        Assert.Equal(10, (int)costs["gpt-5-8k"]!);
        Assert.Equal(264, (int)costs["claude-4.5-sonnet-128k"]!);
    }

    [Theory]
    [InlineData("gpt-4o-mini-32k", HttpStatusCode.OK)]
    [InlineData("claude-4.5-sonnet-128k", HttpStatusCode.OK)]
    [InlineData("gpt-4o-mini", HttpStatusCode.BadRequest)]
    [InlineData("gpt-3.5-turbo", HttpStatusCode.BadRequest)]
    public async Task AcceptsOnlyCataloguedModelsForAnAgent(string model, HttpStatusCode expected)
    {
        (string chatbot, _) = await _server.NewChatbotAsync();
        string agent = (string)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/agents")).Json[0]!["uuid"]!;

        Answer answer = await _server.PostAsync($"api/v1/agent/{agent}/update", new JsonObject { ["model"] = model });

        Assert.Equal(expected, answer.Status);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(model, (string)answer.Json["meta"]!["model"]!);
        }
    }
}
