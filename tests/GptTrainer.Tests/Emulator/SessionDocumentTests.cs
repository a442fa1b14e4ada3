using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

public class SessionDocumentTests : IClassFixture<EmulatorServer>
{
    // About 2,900 bytes: alone it fits a 32k model's document budget even fifteen times over, but not
    // together with itself once more, which is the shape of the SDK's live upload test.
    private static readonly string Story = string.Join("\n\n", new[]
    {
        "The Lighthouse at Gull Point",
        "Every evening at dusk Marta climbed the ninety steps of the lighthouse at Gull Point to light the great lamp. She had kept the light for eleven years, through gales that rattled the windows and fogs so thick that the beam seemed to stop a few yards from the glass.",
        "The lamp burned with a green flame that autumn, because the supply boat had brought the wrong oil in September. Fishermen in the harbour joked that Gull Point had turned into a giant traffic signal telling them to go, and the harbourmaster wrote three letters of complaint.",
        "Her assistant was a boy called Tobias who had come from the mainland in spring. He polished the brass, wound the clockwork that turned the lens, and kept a logbook in which he drew every ship that passed, with its flag and the direction of the wind.",
        "In November a storm blew for four days without pause. On the second night the clockwork jammed and the lens stopped turning, so Marta and Tobias took turns pushing the lens by hand until dawn, singing old sea songs to keep awake and to keep count of the turns.",
        "A coaster named the Silver Heron was caught in that storm off the reef. Her captain later said that the steady sweep of the green light, turning a little unevenly as tired arms pushed it, was the only thing that told him where the rocks lay and where the open water began.",
        "When the weather cleared, the captain rowed ashore with a crate of oranges and a new spring for the clockwork, which he had taken from the ship's own chronometer. Tobias fitted it the same afternoon, and the lens has turned smoothly ever since.",
        "The harbourmaster, a careful man named Ansel Varga, came out to inspect the lighthouse after the storm. He found the logbook full of Tobias's drawings of the Silver Heron fighting the waves, and he asked to borrow it so that the town council could see what the keepers had done.",
        "The council voted to pay for a second assistant, a new roof for the keeper's cottage, and a telephone line to the harbour office. The telephone arrived in January and rang for the first time during a birthday party, when the baker called to ask whether the cake had survived the boat ride.",
        "Marta still prefers the radio, which she uses to read the weather report to the fishing fleet at six each morning. Tobias has started to learn the lighthouse code of flashes, and he can now tell every light along the coast apart by counting the seconds between its beams.",
        "The right oil arrived in December and the flame burned white again. Marta kept one bottle of the green oil on the shelf beside the logbook, and on the anniversary of the storm she lights the lamp with it for a single night, so that the harbour remembers. The fishermen now call it the Go Night, and the children of the town stay up late on the quay to watch the green beam sweep across the water until the lamp is turned down at midnight.",
    });

    private readonly EmulatorServer _server;

    public SessionDocumentTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<(string Chatbot, string Session)> ChatbotWithModelAsync(string model)
    {
        (string chatbot, string session) = await _server.NewChatbotAsync();
        string agent = (string)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/agents")).Json[0]!["uuid"]!;
        (await _server.PostAsync($"api/v1/agent/{agent}/update", new JsonObject { ["model"] = model })).EnsureOk();
        return (chatbot, session);
    }

    private async Task<string> UploadAsync(string text, string fileName = "notes.txt")
        => (await _server.UploadAsync("api/v1/session-document/upload", fileName, text, new Dictionary<string, string> { ["filename"] = fileName })).EnsureOk().Uuid;

    private Task<Answer> AskWithAsync(string session, string query, params string[] documents)
        => _server.PostAsync($"api/v1/session/{session}/message/non-stream", new JsonObject
        {
            ["query"] = query,
            ["session_document_uuids"] = new JsonArray(documents.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
        });

    private async Task<string> ReplyAsync(string session, string query, params string[] documents)
        => (string)(await AskWithAsync(session, query, documents)).EnsureOk().Json["response"]!;

    [Fact]
    public async Task UsesADocumentForEveryLaterMessageOfItsSessionStreamedOrNot()
    {
        (string chatbot, string session) = await ChatbotWithModelAsync("gpt-4o-mini-16k");
        string story = await UploadAsync(Story);

        Assert.Contains("Marta", await ReplyAsync(session, "Who lights the lamp at Gull Point?", story));
        Assert.Contains("Tobias", await ReplyAsync(session, "Who polished the brass?"));
        Assert.Contains("Silver Heron", await _server.AskAsync(session, "Which coaster was caught in the storm?"));

        string other = (await _server.PostAsync($"api/v1/chatbot/{chatbot}/session/create")).Uuid;
        Assert.Equal(ReplyComposer.NothingKnown, await _server.AskAsync(other, "Which coaster was caught in the storm?"));
        JsonNode sessionDocuments = (await _server.GetAsync($"api/v1/session/{session}/messages")).Json[0]!["session_documents"]!;
        Assert.Equal(story, (string)sessionDocuments[0]!["uuid"]!);
    }

    [Fact]
    public async Task RefusesADocumentOfAnotherSession()
    {
        (string chatbot, string session) = await ChatbotWithModelAsync("gpt-4o-mini-16k");
        string story = await UploadAsync(Story);
        await ReplyAsync(session, "Who lights the lamp?", story);
        string other = (await _server.PostAsync($"api/v1/chatbot/{chatbot}/session/create")).Uuid;

        Answer refused = await AskWithAsync(other, "Who lights the lamp?", story);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal($"session document {story} belongs to another session", (string)refused.Json["error"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await AskWithAsync(other, "Who?", "0123456789abcdef0123456789abcdef")).Status);
    }

    [Fact]
    public async Task IgnoresDocumentsWhenTheModelHasLessThan16kOfContext()
    {
        (string chatbot, string session) = await ChatbotWithModelAsync("gpt-4o-8k");
        string story = await UploadAsync(Story);

        Assert.Equal(ReplyComposer.NothingKnown, await ReplyAsync(session, "Who lights the lamp at Gull Point?", story));

        // Ignored, the document was not taken in: another session of a larger model may still use it.
        (_, string larger) = await ChatbotWithModelAsync("gpt-4o-16k");
        Assert.Contains("Marta", await ReplyAsync(larger, "Who lights the lamp at Gull Point?", story));
    }

    [Fact]
    public async Task AnswersWithTheServicesNoticesWhenDocumentsDoNotFitAndGoesOnWithoutThem()
    {
        (_, string session) = await ChatbotWithModelAsync("gpt-4o-mini-32k");
        int bytes = Encoding.UTF8.GetByteCount(Story);
        Assert.InRange(bytes, 44_800 / 16 + 1, 44_800 / 15);
        string story = await UploadAsync(Story);
        Assert.Contains("Marta", await ReplyAsync(session, "Who keeps the light at Gull Point?", story));

        string huge = await UploadAsync(string.Concat(Enumerable.Repeat(Story, 100)), "huge.txt");
        Answer tooLong = (await AskWithAsync(session, "Who keeps the light?", huge)).EnsureOk();
        Assert.Equal(SessionDocuments.TooLong, (string)tooLong.Json["response"]!);

        string fifteenfold = await UploadAsync(string.Concat(Enumerable.Repeat(Story.Replace("Marta", "Greta"), 15)), "fifteenfold.txt");
        Assert.Equal(SessionDocuments.TooMuch, await ReplyAsync(session, "Who keeps the light?", fifteenfold));

        // Neither was taken in: the session still answers from its first document alone.
        Assert.Contains("Marta", await ReplyAsync(session, "Who keeps the light at Gull Point?"));
        Assert.DoesNotContain("Greta", await ReplyAsync(session, "Who keeps the light at Gull Point?"));
        JsonArray messages = (JsonArray)(await _server.GetAsync($"api/v1/session/{session}/messages")).Json;
        Assert.Equal(SessionDocuments.TooLong, (string)messages[1]!["response"]!);

        string recipe = await UploadAsync("The secret ingredient of the harbour soup is smoked paprika.", "recipe.txt");
        Assert.Contains("smoked paprika", await ReplyAsync(session, "What is the secret ingredient of the soup?", recipe));
    }

    [Fact]
    public async Task TakesAnImageAsADocumentWithoutTextNotAsBytesTooLongToFit()
    {
        (_, string session) = await ChatbotWithModelAsync("gpt-4o-mini-32k");
        byte[] jpeg = new byte[120_000];
        new Random(7).NextBytes(jpeg);
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(jpeg, 0);
        string image = (await _server.UploadAsync("api/v1/session-document/upload", "chart.jpg", jpeg, new Dictionary<string, string> { ["filename"] = "chart.jpg" })).EnsureOk().Uuid;

        // What the picture shows needs a model that sees; the emulator has none, so it knows nothing of it.
        Assert.Equal(ReplyComposer.NothingKnown, await ReplyAsync(session, "What is the third step in the chart?", image));
        Assert.Equal(120_000, (long)(await _server.GetAsync($"api/v1/session/{session}/messages")).Json[0]!["session_documents"]![0]!["file_size"]!);
    }
}
