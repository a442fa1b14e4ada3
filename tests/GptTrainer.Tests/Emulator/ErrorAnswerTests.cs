using System.Net;
using System.Net.Http;
using Xunit;

namespace GptTrainer.Tests;

public class ErrorAnswerTests : IClassFixture<EmulatorServer>
{
    private readonly EmulatorServer _server;

    public ErrorAnswerTests(EmulatorServer server) => _server = server;

    [Theory]
    [InlineData("api/v1/no-such-thing")]
    [InlineData("api/v1/chatbot/0123456789abcdef0123456789abcdef/no-such-thing")]
    [InlineData("api/v2/chatbots")]
    public async Task AnswersAnUnknownPathWithAJsonNotFound(string path)
    {
        Answer answer = await _server.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal("not found", (string)answer.Json["error"]!);
    }

    [Theory]
    [InlineData("POST", "api/v1/chatbots", "GET")]
    [InlineData("GET", "api/v1/messages/delete", "POST")]
    [InlineData("POST", "api/v1/agent/0123456789abcdef0123456789abcdef/delete", "DELETE")]
    [InlineData("DELETE", "api/v1/session/0123456789abcdef0123456789abcdef/delete", "POST")]
    public async Task AnswersAWrongMethodWith405AJsonBodyAndTheMethodsThePathTakes(string method, string path, string allowed)
    {
        Answer answer = await _server.SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("method not allowed", (string)answer.Json["error"]!);
        Assert.Equal(new[] { allowed }, answer.Allow);
    }

    [Fact]
    public async Task AnswersTheMessagePathWithoutSuffixWith405AsTheServiceWasSeenTo()
    {
        (_, string session) = await _server.NewChatbotAsync();

        Answer answer = await _server.PostAsync($"api/v1/session/{session}/message", new System.Text.Json.Nodes.JsonObject { ["query"] = "hi" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("method not allowed", (string)answer.Json["error"]!);
        Assert.NotNull(answer.Allow);
        Assert.Empty(answer.Allow);
    }

    [Fact]
    public async Task StillChecksTheKeyBeforeSayingAPathIsUnknown()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Host.BaseUri };
        using HttpResponseMessage response = await anonymous.GetAsync("api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeepsTheBodyOfARouteThatAnswers404Itself()
    {
        Answer answer = await _server.GetAsync("api/v1/chatbot/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("{\"error\":\"not found\"}", answer.Text);
    }
}
