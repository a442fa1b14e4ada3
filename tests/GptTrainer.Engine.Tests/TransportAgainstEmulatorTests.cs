using System.Text;
using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using Xunit;
using GptTrainerApi = GptTrainer.Api.GptTrainerApi;

namespace GptTrainer.Tests;

/// <summary>
/// What the transport promises, against the emulator over real HTTP, on .NET 10 and on .NET Framework (whose
/// HTTP stack is the HttpWebRequest-based one, with a per-host connection limit): retries and what is never
/// retried, compressed answers, and parallel requests past the Framework's two connections (a large reply read
/// in bounded memory is in <see cref="LargeReplyMemoryTests"/>).
/// </summary>
public sealed class TransportAgainstEmulatorTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    private readonly EmulatorProcess _emulator;

    public TransportAgainstEmulatorTests(EmulatorProcess emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private GptTrainerApi Client(RequestPolicy? policy = null)
        => _emulator.Api(policy ?? EmulatorProcess.QuickRetries);

    private async Task<int> CountAsync(string method, string pathEnd)
        => (await _emulator.RequestsAsync()).Count(r => r.GetString("method") == method && r.GetString("path")!.EndsWith(pathEnd, StringComparison.Ordinal));

    [Fact]
    public async Task RetriesARefusalThatAsksToWaitAndThenSucceeds()
    {
        await _emulator.AddFaultAsync(new() { ["path"] = "/chatbots$", ["status"] = 429, ["retryAfter"] = "0", ["times"] = 2 });

        List<Chatbot> chatbots = await Client().Chatbots.ListAsync(default);

        Assert.Empty(chatbots);
        Assert.Equal(3, await CountAsync("GET", "/chatbots"));
    }

    [Fact]
    public async Task RetriesAReadAfterAGatewayErrorAndADroppedConnection()
    {
        await _emulator.AddFaultAsync(new() { ["path"] = "/chatbots$", ["status"] = 503, ["times"] = 1 });
        await _emulator.AddFaultAsync(new() { ["path"] = "/chatbots$", ["dropConnection"] = true, ["times"] = 1 });

        await Client().Chatbots.ListAsync(default);

        Assert.Equal(3, await CountAsync("GET", "/chatbots"));
    }

    [Fact]
    public async Task NeverSendsAChangeTwiceAfterAGatewayError()
    {
        await _emulator.AddFaultAsync(new() { ["method"] = "POST", ["path"] = "/chatbot/create$", ["status"] = 502, ["times"] = 1 });

        var ex = await Assert.ThrowsAsync<GptTrainerApiException>(() => Client().Chatbots.CreateAsync(new ChatbotSettings { Name = "once" }, default));

        Assert.Equal(502, ex.StatusCode);
        Assert.Equal(1, await CountAsync("POST", "/chatbot/create"));
    }

    [Fact]
    public async Task ReportsAWaitLongerThanTheLimitWithoutWaiting()
    {
        await _emulator.AddFaultAsync(new() { ["path"] = "/chatbots$", ["status"] = 429, ["retryAfter"] = "3600", ["times"] = 1 });

        var ex = await Assert.ThrowsAsync<GptTrainerApiException>(() => Client().Chatbots.ListAsync(default));

        Assert.Equal(429, ex.StatusCode);
        Assert.Contains("longer than the -MaximumRetryDelaySec limit", ex.Message);
        Assert.Equal(1, await CountAsync("GET", "/chatbots"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task DecodesACompressedAnswerOrRefusesItClearly(string encoding)
    {
        GptTrainerApi client = Client();
        await client.Chatbots.CreateAsync(new ChatbotSettings { Name = "Grüße" }, default);
        Chatbot bot = Assert.Single(await client.Chatbots.ListAsync(default));
        Session session = await client.Sessions.CreateAsync(bot.ChatbotUuid, null, default);
        await _emulator.SetReplyAsync(session.SessionUuid, new() { ["pieces"] = new[] { "Grüße ", "aus ", "dem Emulator." } });
        await _emulator.AddFaultAsync(new() { ["path"] = "/chatbots$", ["contentEncoding"] = encoding });
        await _emulator.AddFaultAsync(new() { ["path"] = "/message/stream$", ["contentEncoding"] = encoding });

        // Brotli is part of .NET, not of .NET Framework: there a br answer must be refused, never shown as garbage.
        bool hasBrotli = Type.GetType("System.IO.Compression.BrotliStream, System.IO.Compression.Brotli", throwOnError: false) is not null;
        if (encoding == "br" && !hasBrotli)
        {
            var refused = await Assert.ThrowsAnyAsync<GptTrainerException>(() => client.Chatbots.ListAsync(default));
            Assert.Contains("br", refused.Message);
            return;
        }

        Assert.Equal("Grüße", Assert.Single(await client.Chatbots.ListAsync(default)).Name);
        using ReplyReader reader = await client.Messages.StreamAsync(session.SessionUuid, "q", default);
        var text = new StringBuilder();
        string? piece;
        while ((piece = await reader.ReadPieceAsync()) is not null)
        {
            text.Append(piece);
        }

        Assert.Equal("Grüße aus dem Emulator.", text.ToString());
    }

    [Fact]
    public async Task HoldsMoreThanTwoRepliesOpenAtOnceWhenAskedTo()
    {
        GptTrainerApi client = Client();
        string bot = (await client.Chatbots.CreateAsync(new ChatbotSettings { Name = "parallel" }, default)).ChatbotUuid;
        var sessions = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            string session = (await client.Sessions.CreateAsync(bot, null, default)).SessionUuid;
            await _emulator.SetReplyAsync(session, new() { ["pieces"] = new[] { "first ", "second" }, ["holdAfterPieces"] = 1 });
            sessions.Add(session);
        }

        // .NET Framework opens two connections to a host unless told otherwise; the other two would wait for them.
        client.Client.AllowParallelRequests(4);
        Task<ReplyReader>[] opening = sessions.Select(s => client.Messages.StreamAsync(s, "q", default)).ToArray();
        ReplyReader[] readers = await Task.WhenAll(opening);
        try
        {
            string?[] first = await Task.WhenAll(readers.Select(r => r.ReadPieceAsync()));
            Assert.All(first, p => Assert.Equal("first ", p));
            JsonObject stats = await _emulator.StatsAsync();
            Assert.Equal(4, stats.GetInt64("streamsHeld"));
        }
        finally
        {
            await _emulator.ReleaseAsync();
            foreach (ReplyReader reader in readers)
            {
                reader.Dispose();
            }
        }
    }
}
