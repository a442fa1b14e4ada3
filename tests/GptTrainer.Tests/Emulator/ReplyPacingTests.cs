using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>What benchmarks and throttling tests rely on: a reply of a fixed duration, and the peak of replies at once.</summary>
public class ReplyPacingTests : IClassFixture<EmulatorServer>
{
    private readonly EmulatorServer _server;

    public ReplyPacingTests(EmulatorServer server)
    {
        _server = server;
        _server.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task AReplyWithADurationTakesThatLongWhateverItsLength()
    {
        (_, string session) = await _server.NewChatbotAsync();
        (await _server.PostAsync("_emulator/reply", new JsonObject { ["durationMs"] = 400, ["text"] = "one two three four five six seven eight nine ten eleven twelve" })).EnsureOk();

        var clock = Stopwatch.StartNew();
        string reply = await _server.AskAsync(session, "how long?");
        clock.Stop();

        Assert.Equal("one two three four five six seven eight nine ten eleven twelve", reply);
        Assert.InRange(clock.ElapsedMilliseconds, 400, 5000);
    }

    [Fact]
    public async Task StatsKeepThePeakOfRepliesStreamingAtOnceUntilReset()
    {
        (_, string first) = await _server.NewChatbotAsync();
        (_, string second) = await _server.NewChatbotAsync();
        (_, string third) = await _server.NewChatbotAsync();
        (await _server.PostAsync("_emulator/reply", new JsonObject { ["text"] = "a reply held after its first three words", ["holdAfterPieces"] = 1 })).EnsureOk();
        (await _server.PostAsync("_emulator/stats/reset")).EnsureOk();

        // Three replies held open together, then released: the peak is three, though none streams any more.
        Task<string>[] asked = { _server.AskAsync(first, "a"), _server.AskAsync(second, "b"), _server.AskAsync(third, "c") };
        await WaitUntilAsync(async () => (long)(await _server.GetAsync("_emulator/stats")).Json["streamsHeld"]! == 3);
        (await _server.PostAsync("_emulator/release")).EnsureOk();
        await Task.WhenAll(asked);

        JsonNode stats = (await _server.GetAsync("_emulator/stats")).Json;
        Assert.Equal(3, (long)stats["streamsPeak"]!);
        Assert.Equal(0, (long)stats["streamsActive"]!);

        (await _server.PostAsync("_emulator/stats/reset")).EnsureOk();
        Assert.Equal(0, (long)(await _server.GetAsync("_emulator/stats")).Json["streamsPeak"]!);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "the condition did not hold within 15 s");
            await Task.Delay(10);
        }
    }
}
