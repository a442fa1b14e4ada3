using System.Text;
using GptTrainer.Http;
using GptTrainer.Api;
using GptTrainerApi = GptTrainer.Api.GptTrainerApi;
using GptTrainer.Json;
using GptTrainer.Models;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>The transport and reply reader against the emulator over real HTTP; each test starts from a reset emulator.</summary>
public class ClientAgainstEmulatorTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    private readonly EmulatorProcess _emulator;

    public ClientAgainstEmulatorTests(EmulatorProcess emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private GptTrainerApi Client(RequestPolicy? policy = null, string? key = null)
        => _emulator.Api(policy, key);

    private static async Task<(string Chatbot, string Session)> NewSessionAsync(GptTrainerApi client)
    {
        Chatbot bot = await client.Chatbots.CreateAsync(new ChatbotSettings { Name = "xunit bot" }, default);
        Session session = await client.Sessions.CreateAsync(bot.ChatbotUuid, null, default);
        return (bot.ChatbotUuid, session.SessionUuid);
    }

    private static async Task<(string Text, int Pieces)> ReadAllAsync(ReplyReader reader)
    {
        var text = new StringBuilder();
        int pieces = 0;
        string? piece;
        while ((piece = await reader.ReadPieceAsync()) is not null)
        {
            text.Append(piece);
            pieces++;
        }

        return (text.ToString(), pieces);
    }

    [Fact]
    public async Task StreamsAReplyInPiecesThatJoinIntoTheStoredMessage()
    {
        GptTrainerApi client = Client();
        (_, string session) = await NewSessionAsync(client);

        using ReplyReader reader = await client.Messages.StreamAsync(session, "What is streamed?", default);
        (string text, int pieces) = await ReadAllAsync(reader);

        List<Message> messages = await client.Messages.ListAsync(session, default);
        Assert.True(pieces > 1);
        Assert.Equal(pieces, reader.PiecesReceived);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), reader.BytesReceived);
        Assert.Equal(messages[messages.Count - 1].Response, text);
    }

    [Fact]
    public async Task SlicesALargeArrivalIntoSmallPiecesWithoutBreakingCharacters()
    {
        GptTrainerApi client = Client();
        (_, string session) = await NewSessionAsync(client);
        string reply = new string('€', 200_000);
        await _emulator.SetReplyAsync(session, new() { ["pieces"] = new[] { reply }, ["pieceDelayMs"] = 0 });

        using ReplyReader reader = await client.Messages.StreamAsync(session, "big", default);
        var pieces = new List<string>();
        string? piece;
        while ((piece = await reader.ReadPieceAsync()) is not null)
        {
            pieces.Add(piece);
        }

        Assert.Equal(reply, string.Concat(pieces));
        Assert.True(pieces.Count >= 600_000 / (32 * 1024), $"only {pieces.Count} pieces");
        Assert.All(pieces, p => Assert.True(p.Length <= 32 * 1024, $"a piece of {p.Length} chars"));
        Assert.Equal(600_000, reader.BytesReceived);
    }

    [Fact]
    public async Task SendsTheBearerKeyAndJson()
    {
        GptTrainerApi client = Client();
        await NewSessionAsync(client);
        List<JsonObject> requests = await _emulator.RequestsAsync();
        JsonObject create = requests.First(r => r.GetString("path") == "/api/v1/chatbot/create");
        Assert.True(create.GetBoolean("authorizationValid"));
        Assert.StartsWith("application/json", create.GetString("contentType"));
        Assert.Equal("{\"name\":\"xunit bot\"}", create.GetString("body"));
        JsonObject session = requests.First(r => r.GetString("path")!.EndsWith("/session/create", StringComparison.Ordinal));
        Assert.Equal(string.Empty, session.GetString("body"));
    }

    [Fact]
    public async Task ABodyThatCannotBeBuiltIsTheModulesOwnErrorAndNothingIsSent()
    {
        ApiClient api = Client(RequestPolicy.Default with { MaximumRetryCount = 3 }).Client;
        var request = new ApiRequest(HttpMethod.Post, api.Endpoint("chatbot/create"), () => throw new FormatException("The format of value 'a\nb' is invalid."));

        var ex = await Assert.ThrowsAsync<GptTrainerRequestNotBuiltException>(() => api.CallAsync(request, default));

        Assert.Equal("RequestNotBuilt", ex.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, ex.Category);
        Assert.IsType<FormatException>(ex.InnerException);
        Assert.Contains("POST /api/v1/chatbot/create", ex.Message);
        Assert.Empty(await _emulator.RequestsAsync());
    }

    [Fact]
    public async Task UnknownUuidsBecomeNotFoundWithTheServersMessage()
    {
        GptTrainerApi client = Client();
        var ex = await Assert.ThrowsAsync<GptTrainerApiException>(() => client.Chatbots.GetAsync(new string('0', 32), default));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("not found", ex.ServerMessage);
    }

    [Fact]
    public async Task AWrongKeyIsAnAuthenticationFailureAndTheKeyIsNotInTheMessage()
    {
        GptTrainerApi client = Client(key: "the-wrong-key-1234");
        var ex = await Assert.ThrowsAsync<GptTrainerApiException>(() => client.Chatbots.ListAsync(default));
        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain("the-wrong-key", ex.ToString());
    }

    [Fact]
    public async Task AReplyCutMidwayReportsWhatArrived()
    {
        GptTrainerApi client = Client();
        (_, string session) = await NewSessionAsync(client);
        await _emulator.SetReplyAsync(session, new() { ["pieces"] = new[] { "abc", "def", "ghi" }, ["pieceDelayMs"] = 20 });
        await _emulator.AddFaultAsync(new() { ["path"] = "/message/stream$", ["cutAfterBytes"] = 6 });

        using ReplyReader reader = await client.Messages.StreamAsync(session, "q", default);
        var received = new StringBuilder();
        var ex = await Assert.ThrowsAsync<ReplyCutOffException>(async () =>
        {
            string? piece;
            while ((piece = await reader.ReadPieceAsync()) is not null)
            {
                received.Append(piece);
            }
        });

        Assert.Equal("abcdef", received.ToString());
        Assert.Equal(6, ex.BytesReceived);
    }

    [Fact]
    public async Task TheIdleTimeoutFiresWhenAReplyStallsButNotWhileItFlows()
    {
        (_, string session) = await NewSessionAsync(Client());
        // The first reply of a process waits for both sides to compile their streaming code, which on a
        // loaded 2-core machine can outlast the limit before any header; that is not what is measured here.
        await _emulator.SetReplyAsync(session, new() { ["pieces"] = new[] { "warm" } });
        using (ReplyReader warmUp = await Client().Messages.StreamAsync(session, "warm up", default))
        {
            await ReadAllAsync(warmUp);
        }

        GptTrainerApi client = Client(RequestPolicy.Default with { IdleTimeout = TimeSpan.FromSeconds(2) });
        await _emulator.SetReplyAsync(session, new() { ["pieces"] = Enumerable.Repeat("tick ", 10).ToList(), ["pieceDelayMs"] = 300 });

        // 10 pieces 300 ms apart take well over the 2 s limit in total, yet never go silent that long.
        using (ReplyReader flowing = await client.Messages.StreamAsync(session, "steady", default))
        {
            Assert.Equal(string.Concat(Enumerable.Repeat("tick ", 10)), (await ReadAllAsync(flowing)).Text);
        }

        await _emulator.AddFaultAsync(new() { ["path"] = "/message/stream$", ["stallAfterBytes"] = 10, ["stallMs"] = 5000 });
        using ReplyReader stalled = await client.Messages.StreamAsync(session, "stall", default);
        var ex = await Assert.ThrowsAsync<GptTrainerTimeoutException>(() => ReadAllAsync(stalled));
        Assert.Equal("IdleTimeout", ex.ErrorId);
        Assert.Equal(10, stalled.BytesReceived);
    }

    [Fact]
    public async Task AReplyLeftBeforeItsEndDoesNotHangTheNextRequest()
    {
        // A hang shows as the idle timeout firing on the next request, headers that never come.
        GptTrainerApi client = Client(RequestPolicy.Default with { IdleTimeout = TimeSpan.FromSeconds(5) });
        (string chatbot, _) = await NewSessionAsync(client);
        for (int i = 0; i < 6; i++)
        {
            string session = (await client.Sessions.CreateAsync(chatbot, null, default)).SessionUuid;
            await _emulator.SetReplyAsync(session, new() { ["pieces"] = new[] { "first ", "second" }, ["holdAfterPieces"] = 1 });
            using (ReplyReader reader = await client.Messages.StreamAsync(session, "q", default))
            {
                // A read of the rest is now pending; the rest arrives while the reader is being left, as
                // Select-Object -First leaves a reply.
                Assert.Equal("first ", await reader.ReadPieceAsync());
                await _emulator.ReleaseAsync();
            }

            await client.Chatbots.ListAsync(default);
        }
    }

    [Fact]
    public async Task CancellingStopsAStalledReplyPromptly()
    {
        GptTrainerApi client = Client();
        (_, string session) = await NewSessionAsync(client);
        await _emulator.SetReplyAsync(session, new() { ["pieces"] = new[] { "first ", "second" }, ["holdAfterPieces"] = 1 });
        using var cancel = new CancellationTokenSource();

        using ReplyReader reader = await client.Messages.StreamAsync(session, "hold", cancel.Token);
        Assert.Equal("first ", await reader.ReadPieceAsync());
        Task<string?> next = reader.ReadPieceAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
        await _emulator.ReleaseAsync();
    }
}
