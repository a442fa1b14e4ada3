using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Models;
using Xunit;
using GptTrainerApi = GptTrainer.Api.GptTrainerApi;

namespace GptTrainer.Tests;

/// <summary>
/// A reply read in memory that does not grow with it, on both runtimes. The managed heap is the process's, so
/// this runs alone (<see cref="MeasuresMemory"/>): another test's allocations would count as this reader's.
/// </summary>
[Collection(nameof(MeasuresMemory))]
public sealed class LargeReplyMemoryTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    private readonly EmulatorProcess _emulator;

    public LargeReplyMemoryTests(EmulatorProcess emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private GptTrainerApi Client()
        => _emulator.Api();

    [Fact]
    public async Task ReadsALargeReplyInMemoryThatDoesNotGrowWithIt()
    {
        GptTrainerApi client = Client();
        string bot = (await client.Chatbots.CreateAsync(new ChatbotSettings { Name = "large" }, default)).ChatbotUuid;
        string session = (await client.Sessions.CreateAsync(bot, null, default)).SessionUuid;
        const long size = 128L * 1024 * 1024;
        await _emulator.SetReplyAsync(session, new() { ["generateBytes"] = size });

        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long nextLook = 0;
        using ReplyReader reader = await client.Messages.StreamAsync(session, "big", default);
        while (await reader.ReadPieceAsync() is not null)
        {
            if (reader.BytesReceived >= nextLook)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                nextLook += 8 * 1024 * 1024;
            }
        }

        Assert.Equal(size, reader.BytesReceived);
        Assert.True(peak < 16 * 1024 * 1024, $"{peak / 1048576.0:N1} MB were held while a {size / 1048576} MB reply was read");
    }
}
