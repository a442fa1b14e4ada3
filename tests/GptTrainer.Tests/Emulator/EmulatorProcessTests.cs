using System.Net.Http;
using System.Net.Http.Headers;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Starting a process costs a core for a while; these run alone, after the others, so that they do not
/// starve the timing-sensitive tests that run in parallel.
/// </summary>
[CollectionDefinition(nameof(EmulatorProcessTests), DisableParallelization = true)]
[Collection(nameof(EmulatorProcessTests))]
public class EmulatorProcessTests
{
    [Fact]
    public async Task PrintsHelpAndExitsZero()
    {
        using var run = EmulatorProcess.Start(new[] { "--help" });

        (int exitCode, string output, _) = await run.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(EmulatorOptions.Help(), output);
    }

    [Fact]
    public async Task ExitsWithTwoAndTheReasonForABadVariable()
    {
        using var run = EmulatorProcess.Start(Array.Empty<string>(), new Dictionary<string, string> { ["GPTTRAINER_EMULATOR_PIECE_DELAY_MS"] = "fast" });

        (int exitCode, string output, string error) = await run.WaitForExitAsync();

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("GPTTRAINER_EMULATOR_PIECE_DELAY_MS: 'fast' is not a whole number", error);
    }

    [Fact]
    public async Task ServesWithTheKeyItsVariableGives()
    {
        using var run = EmulatorProcess.Start(Array.Empty<string>(), new Dictionary<string, string> { ["GPTTRAINER_EMULATOR_API_KEY"] = "from-the-environment" });

        Dictionary<string, string> ready = await run.ReadReadyLinesAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ready["GPTTRAINER_EMULATOR_URL"]) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "from-the-environment");
        using HttpResponseMessage chatbots = await http.GetAsync("api/v1/chatbots");

        Assert.Equal("from-the-environment", ready["GPTTRAINER_EMULATOR_KEY"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, chatbots.StatusCode);
    }

    [Fact]
    public async Task StartsFromTheSeedItsVariableNames()
    {
        using var run = EmulatorProcess.Start(Array.Empty<string>(), new Dictionary<string, string>
        {
            ["GPTTRAINER_EMULATOR_SEED"] = SeededEmulatorServer.SamplePath,
            ["GPTTRAINER_EMULATOR_API_KEY"] = "seeded",
        });

        Dictionary<string, string> ready = await run.ReadReadyLinesAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ready["GPTTRAINER_EMULATOR_URL"]) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "seeded");

        Assert.Contains("Internal helpdesk", await http.GetStringAsync("api/v1/chatbots"));
    }

    [Fact]
    public async Task ExitsWithTwoAndTheReasonForABadSeed()
    {
        string path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\"chatbots\": [{\"name\": \"\"}]}");
        try
        {
            using var run = EmulatorProcess.Start(new[] { "--seed", path });

            (int exitCode, string output, string error) = await run.WaitForExitAsync();

            Assert.Equal(2, exitCode);
            Assert.Equal("", output);
            Assert.Equal($"seed file {path}: chatbots[0]: 'name' must be a non-empty string", error.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
