using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// What the emulator keeps of an upload, as the service does: the file name as sent, the size and a title,
/// and the 409 a sync relies on. The service's AI writes titles; the emulator, without one, uses the file name.
/// </summary>
public class UploadStoreTests : IClassFixture<EmulatorServer>
{
    private readonly EmulatorServer _server;

    public UploadStoreTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<(string Chatbot, Func<string, string, Task<Answer>> Upload)> NewChatbotAsync()
    {
        (string chatbot, _) = await _server.NewChatbotAsync();
        return (chatbot, (name, text) => _server.UploadAsync($"api/v1/chatbot/{chatbot}/data-source/upload", name, text));
    }

    [Fact]
    public async Task KeepsTheFileNameAsSentAndItsSize()
    {
        (string chatbot, var upload) = await NewChatbotAsync();
        const string name = "guides+install guide.gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7d.md";
        JsonNode created = (await upload(name, "Place the anvil on a flat floor.")).EnsureOk().Json;

        JsonNode listed = ((JsonArray)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/data-sources")).EnsureOk().Json).Single()!;
        Assert.Equal(name, (string)listed["file_name"]!);
        Assert.Equal(32, (long)listed["file_size"]!);
        Assert.Equal("upload", (string)listed["type"]!);
        Assert.Equal((string)created["uuid"]!, (string)listed["uuid"]!);
    }

    [Fact]
    public async Task TitlesAnUploadByItsFileNameAsTheEmulatorsStandInForTheServicesAi()
    {
        (_, var upload) = await NewChatbotAsync();
        const string name = "intro.gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7d.md";
        Assert.Equal(name, (string)(await upload(name, "# Welcome\nAcme sells anvils.")).EnsureOk().Json["title"]!);
    }

    [Fact]
    public async Task Answers409WithTheExistingSourceForTheSameNameAndSize()
    {
        (string chatbot, var upload) = await NewChatbotAsync();
        string first = (await upload("policy.md", "Returns within 30 days.")).EnsureOk().Uuid;

        Answer again = await upload("policy.md", "Returns within 60 days.");
        Answer longer = await upload("policy.md", "Returns within 100 days.");
        Answer renamed = await upload("policy-v2.md", "Returns within 30 days.");

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(first, again.Uuid);
        Assert.Equal(HttpStatusCode.OK, longer.Status);
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(3, ((JsonArray)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/data-sources")).Json).Count);
    }
}
