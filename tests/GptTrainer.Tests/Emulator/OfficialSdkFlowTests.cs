using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The steps the official Python SDK's live tests (ks-collab/gpt-trainer-sdk, tests/) take against the
/// service, taken here against the emulator over HTTP, with the same requests, the same checks, and the
/// SDK's strictness: its response classes are Python dataclasses built with **answer, which fail on any
/// field they do not declare, so every answer is held to exactly the fields its class has. The texts are
/// our own, of the same sizes and shapes as the SDK's. Where the SDK's check needs a language model (which
/// stapler is the "bad" one, who "took" it, what an image shows), the step is taken with a question that
/// words alone settle, or, for the image, left out; docs/gpt-trainer-api.md, "The SDK's live tests", lists them.
/// </summary>
public class OfficialSdkFlowTests : IClassFixture<SdkFlowEmulatorServer>
{
    /// <summary>
    /// About 2,700 bytes, like the SDK's story: with a 32k model sixteen copies of it fit as a session
    /// document, but not beside it once more, which is how the SDK's test reaches the second notice.
    /// </summary>
    private const string Story = """
        The Umbrella Affair

        It rained all Monday at the Harbour Street design studio, and at five o'clock Priya from the print room found that her umbrella was gone from the stand by the door. It was not just any umbrella: it was the yellow one with a carved wooden handle that her grandmother had brought back from Lisbon, and it had kept her dry through six long winters of harbour wind.

        Tomas from logistics, who sat nearest the door, said he had seen someone from reception shaking out a yellow umbrella at lunchtime. "Umbrellas wander around this building like cats," he said, handing her a paper towel. "They always come home in the end."

        The lost-and-found box under the stairs held a single spare, a grey umbrella with two bent spokes and a broken catch. Priya opened it in the doorway and it folded itself inside out at the first gust. She walked to the tram stop under it anyway, holding it with both hands like a kite in a storm.

        The grey umbrella became the talk of the studio. It leaked along one seam, it squeaked when it opened, and on Wednesday it snapped shut on Priya's wrist in the middle of the zebra crossing. Tomas offered to mend it with tape, but Priya said a taped umbrella was worse than none.

        Meanwhile, on the ground floor, Dana from reception was using the yellow umbrella to walk visitors from their taxis to the front door. She thought it had been left behind by a client, and she admired the carved handle every time she folded it.

        Nobody in the studio owned up to taking it, and the office manager pinned a notice to the kitchen door asking everyone to check their desks, their lockers and the boots of their cars for a yellow umbrella with a wooden handle.

        By Friday the missing umbrella had become a studio legend. People asked Priya about it at the coffee machine, and each time the story grew: the handle became ivory, the grandmother became a sea captain, and Lisbon became a harbour somewhere near the end of the world.

        On the following Monday Priya came in to find the yellow umbrella back in the stand by the door, dry and neatly rolled, with a card tied to the handle: "Dana from Reception here: so sorry I took your umbrella, I thought a client forgot it." The card was written in green ink and smelled faintly of the peppermint tea that reception kept for visitors.

        Priya laughed and opened the umbrella right there in the hall to check the spokes. Every one was straight. She wrote her name on a luggage tag and tied it to the handle, and she carried the grey umbrella back to the lost-and-found box.

        There the grey umbrella waited for the next person caught in the rain without one, and the studio went back to arguing about fonts, as it always had and always would.
        """;

    private static readonly string[] ChatbotFields = { "uuid", "name", "meta", "created_at", "modified_at" };
    private static readonly string[] SessionFields = { "uuid", "created_at", "modified_at" };
    private static readonly string[] AgentFields = { "created_at", "description", "enabled", "meta", "modified_at", "name", "prompt", "type", "uuid" };
    private static readonly string[] AgentOptionalFields = { "variables", "data_source_uuids", "tool_functions" };
    private static readonly string[] SourceFields = { "uuid", "file_name", "title", "status", "type", "created_at", "modified_at", "file_size", "meta_json", "tokens" };
    private static readonly string[] TagFields = { "uuid", "name", "color", "data_source_uuids", "created_at", "modified_at" };
    private static readonly string[] CitationFields = { "data_source_uuid", "title", "text", "file_name", "type" };
    private static readonly string[] MessageFields =
    {
        "background_pending_tasks", "cite_data_json", "created_at", "detected_frustrations", "error_message", "feedback_json",
        "finish_reason", "labels", "meta_json", "modified_at", "query", "response", "uuid", "session_documents",
    };

    private readonly SdkFlowEmulatorServer _server;

    public OfficialSdkFlowTests(SdkFlowEmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    /// <summary>As the SDK builds a dataclass from an answer: every declared field without a default present, and no other.</summary>
    private static JsonObject Fits(JsonNode? node, string[] required, params string[] optional)
    {
        JsonObject answer = Assert.IsType<JsonObject>(node);
        Assert.Empty(required.Except(answer.Select(p => p.Key)));
        Assert.Empty(answer.Select(p => p.Key).Except(required).Except(optional));
        return answer;
    }

    private static JsonArray FitEach(JsonNode node, string[] required, params string[] optional)
    {
        JsonArray items = Assert.IsType<JsonArray>(node);
        foreach (JsonNode? item in items)
        {
            Fits(item, required, optional);
        }

        return items;
    }

    private async Task<string> CreateChatbotAsync(string name)
    {
        // The body create_chatbot sends, every setting given.
        JsonNode chatbot = (await _server.PostAsync("api/v1/chatbot/create", new JsonObject
        {
            ["name"] = name,
            ["rate_limit"] = new JsonArray(20, 240),
            ["rate_limit_message"] = "Too many messages",
            ["show_citations"] = false,
            ["visibility"] = "private",
        })).EnsureOk().Json;
        return (string)Fits(chatbot, ChatbotFields)["uuid"]!;
    }

    private async Task<JsonArray> AgentsAsync(string chatbot)
        => FitEach((await _server.GetAsync($"api/v1/chatbot/{chatbot}/agents")).EnsureOk().Json, AgentFields, AgentOptionalFields);

    private async Task UpdateFirstAgentAsync(string chatbot, string model)
    {
        string agent = (string)(await AgentsAsync(chatbot))[0]!["uuid"]!;
        Fits((await _server.PostAsync($"api/v1/agent/{agent}/update", new JsonObject
        {
            ["name"] = "Test Agent Name",
            ["description"] = "You are a test agent",
            ["prompt"] = "hello world!",
            ["model"] = model,
        })).EnsureOk().Json, AgentFields, AgentOptionalFields);
    }

    private async Task<string> CreateSessionAsync(string chatbot)
        => (string)Fits((await _server.PostAsync($"api/v1/chatbot/{chatbot}/session/create")).EnsureOk().Json, SessionFields)["uuid"]!;

    /// <summary>send_message: the non-stream route, its answer exactly {"response": ...}.</summary>
    private async Task<string> SendMessageAsync(string session, string query, params string[] documents)
    {
        var body = new JsonObject { ["query"] = query };
        if (documents.Length > 0) body["session_document_uuids"] = new JsonArray(documents.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        return (string)Fits((await _server.PostAsync($"api/v1/session/{session}/message/non-stream", body)).EnsureOk().Json, new[] { "response" })["response"]!;
    }

    /// <summary>upload_session_document: the file part and a "filename" form field; the answer is read as a dict.</summary>
    private async Task<string> UploadSessionDocumentAsync(byte[] bytes, string fileName)
        => (await _server.UploadAsync("api/v1/session-document/upload", fileName, bytes, new Dictionary<string, string> { ["filename"] = fileName })).EnsureOk().Uuid;

    private Task<string> UploadSessionDocumentAsync(string text, string fileName) => UploadSessionDocumentAsync(Encoding.UTF8.GetBytes(text), fileName);

    /// <summary>upload_data_source: only the file part (the SDK's reference_source_link is None, so requests leaves it out).</summary>
    private Task<Answer> UploadDataSourceAsync(string chatbot, string text, string fileName)
        => _server.UploadAsync($"api/v1/chatbot/{chatbot}/data-source/upload", fileName, text);

    /// <summary>send_message_stream: the lines the SDK yields, read as requests' iter_lines reads them, empty ones skipped.</summary>
    private async Task<List<string>> StreamLinesAsync(string session, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/session/{session}/message/stream")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using HttpResponseMessage response = await _server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is string line)
        {
            if (line.Length > 0) lines.Add(line);
        }

        return lines;
    }

    /// <summary>eetest_gpt_trainer_sdk.py, step by step.</summary>
    [Fact]
    public async Task TakesTheSdksBasicFlow()
    {
        // Delete earlier test chatbots, found in the list.
        JsonArray chatbots = FitEach((await _server.GetAsync("api/v1/chatbots")).EnsureOk().Json, ChatbotFields);
        foreach (JsonNode? old in chatbots.Where(c => (string)c!["name"]! == "test-chatbot"))
        {
            (await _server.SendAsync(HttpMethod.Delete, $"api/v1/chatbot/{(string)old!["uuid"]!}/delete")).EnsureOk();
        }

        string chatbot = await CreateChatbotAsync("test-chatbot");

        // Update the first agent without creating one: the chatbot comes with it.
        await UpdateFirstAgentAsync(chatbot, "gpt-4o-8k");
        await AgentsAsync(chatbot);

        // Create and delete an agent; the delete answers exactly {"success": true}.
        JsonNode created = (await _server.PostAsync($"api/v1/chatbot/{chatbot}/agent/create", new JsonObject
        {
            ["name"] = "Test Agent Name",
            ["type"] = "user-facing",
            ["description"] = "You are a test agent",
            ["prompt"] = "You are a test agent",
        })).EnsureOk().Json;
        string agent = (string)Fits(created, AgentFields, AgentOptionalFields)["uuid"]!;
        Assert.True((bool)Fits((await _server.SendAsync(HttpMethod.Delete, $"api/v1/agent/{agent}/delete")).EnsureOk().Json, new[] { "success" })["success"]!);

        // An unsupported file type is an error whose text says so.
        Answer unsupported = await UploadDataSourceAsync(chatbot, "Yesterday, Lena and Omar argued about the best noodle bars in town.", "expect_failure.foobar");
        Assert.NotEqual(HttpStatusCode.OK, unsupported.Status);
        Assert.Contains("file type not allowed", unsupported.Text);

        (await UploadDataSourceAsync(chatbot, "Yesterday, Lena and Omar argued about the best noodle bars in town.", "test.txt")).EnsureOk();

        // Wait for the source as the SDK does, by looking at the list until it says success.
        JsonArray sources;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((string)(sources = FitEach((await _server.GetAsync($"api/v1/chatbot/{chatbot}/data-sources")).EnsureOk().Json, SourceFields))[0]!["status"]! != "success")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the source was not processed within 30 s");
            await Task.Delay(50);
        }

        string source = (string)sources[0]!["uuid"]!;

        // Source tags: create with the source, list, update all three fields, delete.
        JsonNode tag = Fits((await _server.PostAsync($"api/v1/chatbot/{chatbot}/source-tag/create", new JsonObject
        {
            ["name"] = "Test Tag", ["color"] = "#FF5733", ["data_source_uuids"] = new JsonArray(source),
        })).EnsureOk().Json, TagFields);
        Assert.NotEmpty(FitEach((await _server.GetAsync($"api/v1/chatbot/{chatbot}/source-tags")).EnsureOk().Json, TagFields));
        JsonObject updated = Fits((await _server.PostAsync($"api/v1/source-tag/{(string)tag["uuid"]!}/update", new JsonObject
        {
            ["name"] = "Updated Test Tag", ["color"] = "#33FF57", ["data_source_uuids"] = new JsonArray(source),
        })).EnsureOk().Json, TagFields);
        Assert.Equal("Updated Test Tag", (string)updated["name"]!);
        Assert.Equal("#33FF57", (string)updated["color"]!);
        Assert.True((bool)Fits((await _server.SendAsync(HttpMethod.Delete, $"api/v1/source-tag/{(string)tag["uuid"]!}/delete")).EnsureOk().Json, new[] { "success" })["success"]!);

        string session = await CreateSessionAsync(chatbot);
        Assert.Contains("noodle", await SendMessageAsync(session, "What did Lena and Omar argue about yesterday?"));

        // A question for several paragraphs comes as several lines, whatever the knowledge holds.
        Assert.True((await StreamLinesAsync(session, "Write a 5-paragraph essay explaining what machine learning is.")).Count >= 2, "expected at least 2 lines");

        foreach (JsonNode? message in FitEach((await _server.GetAsync($"api/v1/session/{session}/messages")).EnsureOk().Json, MessageFields, "ai_context_json"))
        {
            foreach (var citation in (JsonObject)JsonNode.Parse((string)message!["cite_data_json"]!)!)
            {
                Fits(citation.Value, CitationFields);
            }
        }

        (await _server.PostAsync("api/data-sources/restart", new JsonObject { ["uuids"] = new JsonArray(source) })).EnsureOk();
        (await _server.PostAsync($"api/v1/data-source/{source}/delete")).EnsureOk();
        (await _server.SendAsync(HttpMethod.Delete, $"api/v1/chatbot/{chatbot}/delete")).EnsureOk();
    }

    /// <summary>test_session_upload.py, test_chat_session_file_upload.</summary>
    [Fact]
    public async Task TakesTheSdksSessionDocumentFlow()
    {
        string chatbot = await CreateChatbotAsync("test-chatbot-session_file_upload");
        await UpdateFirstAgentAsync(chatbot, "gpt-4o-mini-32k");
        string session = await CreateSessionAsync(chatbot);
        await SendMessageAsync(session, "hello there, what can you do?");

        string story = await UploadSessionDocumentAsync(Story, "test_file.txt");
        Assert.Contains("Priya", await SendMessageAsync(session, "Whose umbrella vanished?", story));

        // The next message names no document and is still answered from it. (The SDK asks for the colour
        // of the "bad" stapler, which only a model can tell is the blue one; ours uses the story's own word.)
        Assert.Contains("grey", await SendMessageAsync(session, "What color was the broken umbrella?"));

        string tooLong = await UploadSessionDocumentAsync(string.Concat(Enumerable.Repeat(Story, 100)), "long_test_file.txt");
        Assert.Contains(SessionDocuments.TooLong, await SendMessageAsync(session, "Who took the umbrella?", tooLong));

        // Sixteen copies fit alone, but not beside the story the session already holds.
        string tooMuch = await UploadSessionDocumentAsync(string.Concat(Enumerable.Repeat(Story, 16)), "long_test_file.txt");
        Assert.Contains(SessionDocuments.TooMuch, await SendMessageAsync(session, "Who took the umbrella?", tooMuch));

        // The session goes on with the document it had. (The SDK's model reads "Bob" out of the note that
        // gives the stapler back; the note here says "took", so that words alone find it.)
        Assert.Contains("Dana", await SendMessageAsync(session, "Who took the umbrella?"));

        string recipe = await UploadSessionDocumentAsync("The secret ingredient of Marco's harbour soup is 100% roasted fennel seed", "test_file_2.txt");
        Assert.Contains("roasted fennel", await SendMessageAsync(session, "What is the secret ingredient?", recipe));
    }

    /// <summary>test_session_upload.py, test_chat_session_file_upload_pdf.</summary>
    [Fact]
    public async Task TakesTheSdksPdfSessionDocumentFlow()
    {
        string chatbot = await CreateChatbotAsync("test-chatbot-session_file_upload_pdf");
        await UpdateFirstAgentAsync(chatbot, "gpt-4o-mini-32k");
        string session = await CreateSessionAsync(chatbot);

        string pdf = await UploadSessionDocumentAsync(TestPdf.Of(SupplyStory, embeddedFontBytes: 30_000), "test_story.pdf");

        Assert.Contains("sticky notes", (await SendMessageAsync(session, "On Tuesday afternoon, which office supply ran out?", pdf)).ToLowerInvariant());
    }

    /// <summary>
    /// test_session_upload.py, test_chat_session_file_upload_image, up to its checks: what the picture shows
    /// ("learning strategies", red arrows) needs a model that sees, and the SDK downloads its picture from the
    /// web. The upload is taken and the message answered, without the notice a long text would get.
    /// </summary>
    [Fact]
    public async Task TakesTheSdksImageSessionDocumentStepsUpToWhatNeedsAModel()
    {
        string chatbot = await CreateChatbotAsync("test-chatbot-session_file_upload_image");
        await UpdateFirstAgentAsync(chatbot, "gpt-4o-mini-32k");
        string session = await CreateSessionAsync(chatbot);
        byte[] jpeg = new byte[90_000];
        new Random(3).NextBytes(jpeg);
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(jpeg, 0);
        string image = await UploadSessionDocumentAsync(jpeg, "test_image.jpg");

        Assert.DoesNotContain("too long", await SendMessageAsync(session, "What is the third step in the chart?", image));
        Assert.DoesNotContain("too long", await SendMessageAsync(session, "What color are the arrows connecting the boxes in the diagram?"));
    }

    /// <summary>test_session_upload.py, test_chat_session_file_upload_ignored: below 16k of context a document is ignored, without an error.</summary>
    [Fact]
    public async Task TakesTheSdksIgnoredSessionDocumentFlow()
    {
        string chatbot = await CreateChatbotAsync("test-chatbot-session_file_upload_ignored");
        await UpdateFirstAgentAsync(chatbot, "gpt-4o-mini-4k");
        string recipe = await UploadSessionDocumentAsync("The secret ingredient of Marco's harbour soup is 100% roasted fennel seed", "test_file.txt");
        string session = await CreateSessionAsync(chatbot);

        string reply = (await SendMessageAsync(session, "What is the secret ingredient?", recipe)).ToLowerInvariant();

        Assert.DoesNotContain("roasted fennel", reply);
        Assert.DoesNotContain("error", reply);
    }

    /// <summary>test_llms.py: the model catalogue and its costs.</summary>
    [Fact]
    public async Task AnswersTheSdksModelQuestions()
    {
        JsonArray models = Assert.IsType<JsonArray>((await _server.GetAsync("api/v1/agent/models")).EnsureOk().Json["models"]);
        JsonObject costs = Assert.IsType<JsonObject>((await _server.GetAsync("api/v1/agent/model-costs")).EnsureOk().Json["model_costs"]);

        Assert.NotEmpty(models);
        Assert.All(models, m => Assert.Equal(System.Text.Json.JsonValueKind.String, m!.GetValueKind()));
        Assert.NotEmpty(costs);
        Assert.Contains("gpt-4o-8k", models.Select(m => (string)m!));
        Assert.DoesNotContain("gpt-4o-mini", models.Select(m => (string)m!));
        Assert.Equal(10, (int)costs["gpt-5-8k"]!);
        Assert.Equal(264, (int)costs["claude-4.5-sonnet-128k"]!);
    }

    private static readonly string[] SupplyStory =
    {
        "Supply Week at the Harbour Street Studio",
        "",
        "On Monday morning the studio's new plotter arrived, and everyone stopped work to watch it print a test poster.",
        "On Tuesday afternoon the studio ran out of sticky notes, so the design team planned the week on the backs of old posters.",
        "On Wednesday the coffee machine broke down, and Tomas fixed it with a paper clip and a great deal of patience.",
        "On Thursday a delivery of forty boxes of sticky notes arrived, far more than the studio could use in a year.",
        "On Friday Priya built a small tower of the boxes in reception, and visitors were invited to take a pad home.",
    };
}
