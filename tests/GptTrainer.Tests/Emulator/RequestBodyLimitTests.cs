using System.Text;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// A JSON body over the emulator's limit (4 MiB, as its README says) is answered 413 before the rest of it
/// has arrived, on the keyless control API as on the API; the emulator never waits for, or keeps, the rest.
/// </summary>
public class RequestBodyLimitTests : IClassFixture<EmulatorServer>
{
    public const long JsonLimit = 4 * 1024 * 1024;

    private readonly EmulatorServer _server;

    public RequestBodyLimitTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    /// <summary>The start of a body the route would take, so that only its size can be the reason to refuse it.</summary>
    public static byte[] JsonStart(string path) => Encoding.UTF8.GetBytes(path.Contains("/api/", StringComparison.Ordinal)
        ? "{\"name\": \""
        : "{\"url\": \"https://acme.example/big\", \"path\": \"x\", \"text\": \"");

    public static byte[] Filler() => Encoding.ASCII.GetBytes(new string('a', 64 * 1024));

    private async Task<RawHttpConnection> OpenAsync(string path, string bodyHeader, string contentType = "application/json")
    {
        var connection = await RawHttpConnection.OpenAsync(_server.Host.BaseUri);
        await connection.SendHeadAsync("POST", path, $"Host: {_server.Host.BaseUri.Authority}", $"Authorization: Bearer {_server.Host.Options.ApiKey}", $"Content-Type: {contentType}", bodyHeader);
        return connection;
    }

    private static void AssertTooLarge(RawHttpResponse response)
    {
        Assert.True(response.Status == 413, $"expected 413, got {response.Status}: {response.Body}");
        Assert.Contains("4 MiB", (string)response.Json["error"]!);
    }

    [Theory]
    [InlineData("/_emulator/web-page")]
    [InlineData("/_emulator/faults")]
    [InlineData("/api/v1/chatbot/create")]
    public async Task AnswersABodyDeclaredOverTheLimitWith413BeforeItArrives(string path)
    {
        using RawHttpConnection connection = await OpenAsync(path, $"Content-Length: {JsonLimit + 1}");

        // Only the start is sent: an emulator that waited for the rest would never answer.
        await connection.SendAsync(JsonStart(path));

        AssertTooLarge(await connection.ReadResponseAsync());
    }

    [Theory]
    [InlineData("/_emulator/web-page")]
    [InlineData("/_emulator/faults")]
    [InlineData("/api/v1/chatbot/create")]
    public async Task AnswersAChunkedBodyThatGrowsOverTheLimitWith413WithoutWaitingForItsEnd(string path)
    {
        using RawHttpConnection connection = await OpenAsync(path, "Transfer-Encoding: chunked");

        long sent = await connection.SendChunksUntilAnsweredAsync(JsonStart(path), Filler(), maxBytes: 16 * JsonLimit);

        AssertTooLarge(await connection.ReadResponseAsync());
        Assert.True(sent > JsonLimit, $"answered after {sent} bytes, before the limit was reached");
    }

    [Fact]
    public async Task GivesTheUploadLimitOnlyToUploadRoutesWhateverTheContentType()
    {
        using RawHttpConnection connection = await OpenAsync("/_emulator/faults", $"Content-Length: {JsonLimit + 1}", "multipart/form-data; boundary=x");

        await connection.SendAsync(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n"));

        AssertTooLarge(await connection.ReadResponseAsync());
    }

    [Fact]
    public async Task TakesABodyJustUnderTheLimit()
    {
        string text = new('a', (int)JsonLimit - 1024);

        (await _server.PostAsync("_emulator/web-page", new System.Text.Json.Nodes.JsonObject { ["url"] = "https://acme.example/big", ["text"] = text })).EnsureOk();
        (await _server.PostAsync("api/v1/chatbot/create", new System.Text.Json.Nodes.JsonObject { ["name"] = text })).EnsureOk();
    }
}
