using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace GptTrainer.Tests;

public class AgentShapeTests : IClassFixture<EmulatorServer>
{
    private readonly EmulatorServer _server;

    public AgentShapeTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<JsonObject> CreateAsync(string chatbot, string type, JsonObject? more = null)
    {
        var body = new JsonObject { ["name"] = type + " agent", ["type"] = type };
        foreach (var pair in more ?? new JsonObject())
        {
            body[pair.Key] = pair.Value?.DeepClone();
        }

        return (JsonObject)(await _server.PostAsync($"api/v1/chatbot/{chatbot}/agent/create", body)).EnsureOk().Json;
    }

    [Fact]
    public async Task GivesAHumanEscalationAgentEverySettingTheReferenceLists()
    {
        (string chatbot, _) = await _server.NewChatbotAsync();

        JsonObject settings = (JsonObject)(await CreateAsync(chatbot, "human-escalation"))["human_escalation_settings"]!;

        Assert.Equal(
            new[] { "human_requested_message", "live_chat_end_announcement", "live_chat_start_announcement", "monitored_messages", "notifications_enabled", "sound_enabled" },
            settings.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(0, (int)settings["notifications_enabled"]!);
        Assert.IsType<JsonArray>(settings["monitored_messages"]);
    }

    [Fact]
    public async Task KeepsTheSettingsAnUpdateLeavesOut()
    {
        (string chatbot, _) = await _server.NewChatbotAsync();
        string agent = (string)(await CreateAsync(chatbot, "human-escalation"))["uuid"]!;

        JsonNode updated = (await _server.PostAsync($"api/v1/agent/{agent}/update", new JsonObject
        {
            ["human_escalation_settings"] = new JsonObject { ["sound_enabled"] = true },
        })).EnsureOk().Json;

        Assert.Equal(1, (int)updated["human_escalation_settings"]!["sound_enabled"]!);
        Assert.Equal("", (string)updated["human_escalation_settings"]!["human_requested_message"]!);
    }

    [Theory]
    [InlineData("user-facing")]
    [InlineData("pre-canned")]
    [InlineData("spam-defense")]
    public async Task GivesNoOtherAgentEscalationSettingsOrTags(string type)
    {
        (string chatbot, _) = await _server.NewChatbotAsync();

        JsonObject agent = await CreateAsync(chatbot, type);

        Assert.False(agent.ContainsKey("human_escalation_settings"));
        Assert.False(((JsonObject)agent["meta"]!).ContainsKey("tags"));
    }

    [Fact]
    public async Task GivesTagsToBackgroundAgentsOnly()
    {
        (string chatbot, _) = await _server.NewChatbotAsync();
        var tags = new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["name"] = "refund", ["criteria"] = "asks for money back", ["color"] = "#FF5733" }) };

        Assert.Empty((JsonArray)(await CreateAsync(chatbot, "background"))["meta"]!["tags"]!);
        Assert.Equal("refund", (string)(await CreateAsync(chatbot, "background", tags))["meta"]!["tags"]![0]!["name"]!);

        JsonObject userFacing = await CreateAsync(chatbot, "user-facing", tags);
        Assert.False(((JsonObject)userFacing["meta"]!).ContainsKey("tags"));
        Answer wrongShape = await _server.PostAsync($"api/v1/chatbot/{chatbot}/agent/create", new JsonObject { ["name"] = "x", ["type"] = "background", ["tags"] = "refund" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.Status);
    }
}
