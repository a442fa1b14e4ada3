using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>The API layer's tool-function calls against the emulator over HTTP, on both runtimes.</summary>
public sealed class ToolFunctionApiTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    private readonly EmulatorProcess _emulator;
    private GptTrainerApi _api = null!;

    public ToolFunctionApiTests(EmulatorProcess emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        _api = _emulator.Api();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatesUpdatesAndDeletesAFunctionThatTheAgentListsTyped()
    {
        Chatbot bot = await _api.Chatbots.CreateAsync(new ChatbotSettings { Name = "functions" }, default);
        Agent agent = (await _api.Agents.ListAsync(bot.ChatbotUuid, default)).Single();
        var schema = new Dictionary<string, object?> { ["type"] = "object", ["required"] = new[] { "order" } };

        ToolFunction created = await _api.Agents.CreateFunctionAsync(agent.AgentUuid, new ToolFunctionSettings
        {
            Name = "lookup_order",
            Description = "Finds an order",
            Parameters = schema,
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = "k" },
            ExternalUrl = "https://shop.example/orders",
            Method = "GET",
            AllowGptTrainerProperties = true,
        }, default);
        JsonObject sent = (JsonObject)JsonReader.Parse((await _emulator.RequestsAsync()).Last().GetString("body")!)!;
        ToolFunction updated = await _api.Agents.UpdateFunctionAsync(created.ToolFunctionUuid, new ToolFunctionSettings { Enabled = false, Method = "POST" }, agent.AgentUuid, default);
        Agent listed = (await _api.Agents.ListAsync(bot.ChatbotUuid, default)).Single();
        await _api.Agents.DeleteFunctionAsync(created.ToolFunctionUuid, default);

        Assert.Equal(1L, sent["allow_gpt_trainer_properties"]);
        Assert.False(sent.ContainsKey("enabled"));
        Assert.Equal(agent.AgentUuid, created.AgentUuid);
        Assert.True(created.Enabled);
        Assert.True(created.AllowGptTrainerProperties);
        Assert.Equal("k", ((JsonObject)created.Headers!)["X-Api-Key"]);
        Assert.False(updated.Enabled);
        Assert.Equal("POST", updated.Method);
        Assert.Equal("Finds an order", updated.Description);
        ToolFunction shown = Assert.Single(listed.ToolFunctions);
        Assert.Equal(created.ToolFunctionUuid, shown.ToolFunctionUuid);
        Assert.Equal(agent.AgentUuid, shown.AgentUuid);
        Assert.Equal(new object?[] { "order" }, (object?[])((JsonObject)shown.Parameters!)["required"]!);
        Assert.Empty((await _api.Agents.ListAsync(bot.ChatbotUuid, default)).Single().ToolFunctions);
        Assert.Equal("POST", (await _emulator.RequestsAsync()).Single(r => r.GetString("path")!.EndsWith("/delete", StringComparison.Ordinal)).GetString("method"));
    }
}
