using System.Text.Json.Nodes;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// A PDF, uploaded as a data source or a session document, is read for its text, as the service reads it
/// for its model: questions about its content are answered from it, and its size in tokens is its text's,
/// not its file's (a PDF's fonts and images can make the file many times larger than its words).
/// </summary>
public class PdfTextTests : IClassFixture<EmulatorServer>
{
    private static readonly string[] Handbook =
    {
        "Studio Handbook",
        "",
        "The studio opens at half past eight and the last person out sets the alarm with the code on the red card.",
        "Bicycles are kept in the courtyard shed, which is locked every evening at seven by the caretaker.",
        "Lost keys are replaced by the office manager for a fee of twelve euros.",
    };

    private readonly EmulatorServer _server;

    public PdfTextTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    private async Task<JsonNode> UploadAsync(string path, byte[] bytes, string fileName, Dictionary<string, string>? fields = null)
        => (await _server.UploadAsync(path, fileName, bytes, fields)).EnsureOk().Json;

    [Fact]
    public async Task AnswersFromThePagesOfAPdfSourceAndCountsItsTextsTokens()
    {
        (string chatbot, string session) = await _server.NewChatbotAsync(citations: true);
        byte[] pdf = TestPdf.Of(Handbook, embeddedFontBytes: 40_000);
        await UploadAsync($"api/v1/chatbot/{chatbot}/data-source/upload", pdf, "handbook.pdf");
        await _server.FinishProcessingAsync();

        string reply = await _server.AskAsync(session, "When is the bicycle shed locked?");

        Assert.StartsWith("Bicycles are kept in the courtyard shed, which is locked every evening at seven by the caretaker", reply);
        JsonNode source = ((JsonArray)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/data-sources")).EnsureOk().Json)[0]!;
        Assert.Equal(pdf.Length, (long)source["file_size"]!);
        Assert.InRange((long)source["tokens"]!, 50, 150);
    }

    [Fact]
    public async Task AnswersFromAPdfSessionDocumentWhoseFileAloneWouldNotFit()
    {
        (string chatbot, string session) = await _server.NewChatbotAsync();
        string agent = (string)(await _server.GetAsync($"api/v1/chatbot/{chatbot}/agents")).Json[0]!["uuid"]!;
        (await _server.PostAsync($"api/v1/agent/{agent}/update", new JsonObject { ["model"] = "gpt-4o-mini-16k" })).EnsureOk();

        // 60 KB of file is far over a 16k model's documents, while its text is a few hundred bytes.
        byte[] pdf = TestPdf.Of(Handbook, embeddedFontBytes: 60_000);
        string document = (string)(await UploadAsync("api/v1/session-document/upload", pdf, "handbook.pdf", new() { ["filename"] = "handbook.pdf" }))["uuid"]!;
        JsonNode answer = (await _server.PostAsync($"api/v1/session/{session}/message/non-stream", new JsonObject
        {
            ["query"] = "How much does a lost key cost?",
            ["session_document_uuids"] = new JsonArray(document),
        })).EnsureOk().Json;

        Assert.Equal("Lost keys are replaced by the office manager for a fee of twelve euros.", (string)answer["response"]!);
    }

    [Fact]
    public async Task TakesAPdfItCannotReadAsOneWithoutText()
    {
        (string chatbot, string session) = await _server.NewChatbotAsync();
        byte[] broken = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nThe bicycle shed is locked at seven.\nthis is no PDF body\n%%EOF\n");

        await UploadAsync($"api/v1/chatbot/{chatbot}/data-source/upload", broken, "broken.pdf");
        await _server.FinishProcessingAsync();

        Assert.Equal(ReplyComposer.NothingKnown, await _server.AskAsync(session, "When is the bicycle shed locked?"));
    }

    [Fact]
    public void JoinsLinesTheLayoutWrappedAndSpellsOutLigatures()
    {
        Assert.Equal(
            "The Office Supply Dilemma\n\nOn Monday the office was running low on printer paper and toner.\n\nJanet replied, \"Noted.\"\n\nThe end.",
            PdfText.Tidy("The Oﬃce Supply Dilemma\nOn Monday the oﬃce was running low on printer\r\npaper and toner.\nJanet replied, \"Noted.\"\n\nThe end."));
    }
}
