using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The control API needs no key, so a page in the user's browser must not be able to drive it: not by
/// guessing the port (its requests carry the page's Origin), and not by DNS rebinding (its requests name
/// the attacker's host in Host). Both are refused with 403, before the request does anything.
/// </summary>
public class ControlAccessTests : IClassFixture<EmulatorServer>
{
    private readonly EmulatorServer _server;

    public ControlAccessTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private int Port => _server.Host.BaseUri.Port;

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpMethod method, string path, string? host = null, string? origin = null, bool keyed = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (!keyed) request.Headers.Authorization = null;
        using var anonymous = new HttpClient { BaseAddress = _server.Host.BaseUri };
        using HttpResponseMessage response = await (keyed ? _server.Http : anonymous).SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> ChatbotCountAsync() => ((JsonArray)(await _server.GetAsync("api/v1/chatbots")).EnsureOk().Json).Count;

    [Fact]
    public async Task TakesControlRequestsAddressedToItsOwnAddressAndLocalhost()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "_emulator/stats", host: $"127.0.0.1:{Port}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "_emulator/stats", host: $"localhost:{Port}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "_emulator/stats", host: $"LocalHost:{Port}", origin: $"http://localhost:{Port}")).Status);
    }

    [Theory]
    [InlineData("evil.example:{port}")]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("127.0.0.1:{other}")]
    [InlineData("[::1]:{port}")]
    [InlineData("gpttrainer-emulator:{port}")]
    public async Task RefusesAControlRequestAddressedToAnotherHostAndDoesNothing(string host)
    {
        (await _server.PostAsync("api/v1/chatbot/create", new JsonObject { ["name"] = "kept" })).EnsureOk();
        string named = host.Replace("{port}", Port.ToString()).Replace("{other}", (Port == 65535 ? Port - 1 : Port + 1).ToString());

        (HttpStatusCode status, string text) = await SendAsync(HttpMethod.Post, "_emulator/reset", host: named);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("addressed to", (string)JsonNode.Parse(text)!["error"]!);
        Assert.Equal(1, await ChatbotCountAsync());
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example:{port}")]
    [InlineData("http://127.0.0.1:{other}")]
    [InlineData("null")]
    public async Task RefusesARequestFromAWebPageOfAnotherOriginAndDoesNothing(string origin)
    {
        (await _server.PostAsync("api/v1/chatbot/create", new JsonObject { ["name"] = "kept" })).EnsureOk();
        string named = origin.Replace("{port}", Port.ToString()).Replace("{other}", (Port == 65535 ? Port - 1 : Port + 1).ToString());

        (HttpStatusCode reset, string text) = await SendAsync(HttpMethod.Post, "_emulator/reset", origin: named);
        (HttpStatusCode shutdown, _) = await SendAsync(HttpMethod.Post, "_emulator/shutdown", origin: named);
        (HttpStatusCode api, _) = await SendAsync(HttpMethod.Get, "api/v1/chatbots", origin: named);

        Assert.Equal(HttpStatusCode.Forbidden, reset);
        Assert.Contains("origin", (string)JsonNode.Parse(text)!["error"]!);
        Assert.Equal(HttpStatusCode.Forbidden, shutdown);
        Assert.Equal(HttpStatusCode.Forbidden, api);
        Assert.Equal(1, await ChatbotCountAsync());
    }

    [Fact]
    public async Task TakesARequestWhoseOriginIsItsOwnAddress()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "api/v1/chatbots", origin: $"http://127.0.0.1:{Port}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "_emulator/stats/reset", origin: $"http://localhost:{Port}")).Status);
    }

    [Fact]
    public async Task LeavesTheApisHostToTheKeyAsTheServiceDoes()
    {
        // A client may reach the API through any name; without the key it learns nothing there.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "api/v1/chatbots", host: "gpt-trainer.internal.example")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "api/v1/chatbots", host: "evil.example", keyed: false)).Status);
    }
}
