using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Multipart uploads are answered in the order every request is: the key first, before any of the body is
/// read; then a body too large for the route (413) or one that cannot be read as multipart (400); each with
/// the JSON error the emulator answers elsewhere.
/// </summary>
public class UploadRequestTests : IClassFixture<EmulatorServer>
{
    private const long UploadLimit = 128L * 1024 * 1024;

    private readonly EmulatorServer _server;

    public UploadRequestTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    public static IEnumerable<object[]> UploadRoutes() => new[]
    {
        new object[] { "chatbot" },
        new object[] { "session-document" },
    };

    private async Task<string> PathOfAsync(string route)
        => route == "chatbot" ? $"/api/v1/chatbot/{(await _server.NewChatbotAsync()).Chatbot}/data-source/upload" : "/api/v1/session-document/upload";

    private static byte[] PartHead() => Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n");

    /// <summary>The head of a multipart upload of <paramref name="length"/> bytes and its first part's head; the rest is the caller's to send, or not.</summary>
    private async Task<RawHttpConnection> StartUploadAsync(string path, string? authorization, string length)
    {
        var connection = await RawHttpConnection.OpenAsync(_server.Host.BaseUri);
        var headers = new List<string> { $"Host: {_server.Host.BaseUri.Authority}", "Content-Type: multipart/form-data; boundary=b0undary", length };
        if (authorization is not null) headers.Add("Authorization: " + authorization);
        await connection.SendHeadAsync("POST", path, headers.ToArray());
        await connection.SendAsync(PartHead());
        return connection;
    }

    private static void AssertStatus(int expected, RawHttpResponse response)
    {
        Assert.True(response.Status == expected, $"expected {expected}, got {response.Status}: {response.Body}");
        Assert.StartsWith("application/json", response.Headers["Content-Type"]);
    }

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task AnswersAnUploadWithoutAValidKey401BeforeReadingItsBody(string route)
    {
        string path = await PathOfAsync(route);
        foreach ((string? authorization, string message) in new[] { ((string?)null, "Missing Authorization Header"), ("Bearer not-the-key", "Invalid API key") })
        {
            // Declared larger than any upload, and only its first part's head sent: an emulator that read the
            // form before checking the key would wait for the rest, or refuse its size first.
            using RawHttpConnection connection = await StartUploadAsync(path, authorization, $"Content-Length: {UploadLimit + 1024 * 1024}");

            RawHttpResponse response = await connection.ReadResponseAsync();

            AssertStatus(401, response);
            Assert.Equal(message, (string)response.Json["msg"]!);
        }
    }

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task AnswersAnUploadDeclaredOverTheLimitWith413BeforeItArrives(string route)
    {
        using RawHttpConnection connection = await StartUploadAsync(await PathOfAsync(route), "Bearer " + _server.Host.Options.ApiKey, $"Content-Length: {UploadLimit + 1024 * 1024}");

        RawHttpResponse response = await connection.ReadResponseAsync();

        AssertStatus(413, response);
        Assert.Contains("128 MiB", (string)response.Json["error"]!);
    }

    [Fact]
    public async Task AnswersAChunkedUploadThatGrowsOverTheLimitWith413()
    {
        using RawHttpConnection connection = await RawHttpConnection.OpenAsync(_server.Host.BaseUri);
        await connection.SendHeadAsync("POST", await PathOfAsync("chatbot"), $"Host: {_server.Host.BaseUri.Authority}", "Authorization: Bearer " + _server.Host.Options.ApiKey, "Content-Type: multipart/form-data; boundary=b0undary", "Transfer-Encoding: chunked");

        long sent = await connection.SendChunksUntilAnsweredAsync(PartHead(), new byte[1024 * 1024], maxBytes: 2 * UploadLimit);

        RawHttpResponse response = await connection.ReadResponseAsync();
        AssertStatus(413, response);
        Assert.True(sent > UploadLimit, $"answered after {sent} bytes, before the limit was reached");
    }

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task AnswersMultipartThatDoesNotMatchItsBoundaryWith400(string route)
    {
        string path = await PathOfAsync(route);
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nHello.\r\n--other--\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");

        using HttpResponseMessage response = await _server.Http.PostAsync(path.TrimStart('/'), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("the multipart body cannot be read", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!);
    }

    [Fact]
    public async Task RecordsARefusedUploadWithoutItsBodyAndAnAcceptedOneWithItsForm()
    {
        string path = await PathOfAsync("chatbot");
        (await _server.SendAsync(HttpMethod.Delete, "_emulator/requests")).EnsureOk();
        using (RawHttpConnection connection = await StartUploadAsync(path, null, $"Content-Length: {UploadLimit + 1024 * 1024}"))
        {
            AssertStatus(401, await connection.ReadResponseAsync());
        }

        (await _server.UploadAsync(path.TrimStart('/'), "notes.txt", "Hello.", new Dictionary<string, string> { ["reference_source_link"] = "https://acme.example" })).EnsureOk();

        JsonArray requests = (JsonArray)(await _server.GetAsync("_emulator/requests")).Json;
        Assert.Equal(2, requests.Count);
        Assert.False((bool)requests[0]!["hasAuthorization"]!);
        Assert.Null(requests[0]!["form"]);
        Assert.Equal("notes.txt", (string)requests[1]!["form"]!["file:file"]!["fileName"]!);
        Assert.Equal("https://acme.example", (string)requests[1]!["form"]!["reference_source_link"]!);
    }
}
