using System.Net.Http;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// What a tool left running must not do: let anyone who can reach it, key or no key, make it hold memory.
/// Measured on the emulator's own process, by its peak working set, which keeps the high-water mark
/// however briefly it was reached, so the result does not depend on when the test looks.
/// </summary>
public class EmulatorMemoryTests
{
    private const long BodyBytes = 256L * 1024 * 1024;

    /// <summary>Generous: the emulator's buffers, a few threads and the GC's slack, far below one body.</summary>
    private const long AllowedGrowth = 256L * 1024 * 1024;

    [Fact]
    public async Task KeepsItsMemoryWhenSentHugeChunkedBodiesWithoutAKey()
    {
        using var run = EmulatorProcess.Start(Array.Empty<string>());
        var uri = new Uri((await run.ReadReadyLinesAsync())["GPTTRAINER_EMULATOR_URL"] + "/");
        using var http = new HttpClient { BaseAddress = uri };
        (await http.GetAsync("_emulator/stats")).EnsureSuccessStatusCode();
        long before = run.PeakWorkingSetBytes();

        // Three at once, as an attacker would: each to a keyless control route that reads a JSON body.
        string[] paths = { "/_emulator/web-page", "/_emulator/faults", "/_emulator/web-page" };
        RawHttpResponse[] answers = await Task.WhenAll(paths.Select(async path =>
        {
            using RawHttpConnection connection = await RawHttpConnection.OpenAsync(uri);
            await connection.SendHeadAsync("POST", path, $"Host: {uri.Authority}", "Content-Type: application/json", "Transfer-Encoding: chunked");
            await connection.SendChunksUntilAnsweredAsync(RequestBodyLimitTests.JsonStart(path), RequestBodyLimitTests.Filler(), BodyBytes);
            return await connection.ReadResponseAsync();
        }));

        long growth = run.PeakWorkingSetBytes() - before;
        Assert.True(growth < AllowedGrowth, $"the emulator's peak working set grew by {growth / (1024 * 1024)} MiB for three bodies of {BodyBytes / (1024 * 1024)} MiB");
        Assert.All(answers, answer => Assert.Equal(413, answer.Status));
        (await http.GetAsync("_emulator/stats")).EnsureSuccessStatusCode();
    }
}
