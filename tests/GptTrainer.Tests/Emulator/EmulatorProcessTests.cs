using System.Net.Http;
using System.Net.Http.Headers;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>The console program as users start it: help, exit codes, environment variables, seeds.</summary>
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
    public async Task ServesWithTheKeyAndSeedItsVariablesGive()
    {
        using var run = EmulatorProcess.Start(Array.Empty<string>(), new Dictionary<string, string>
        {
            ["GPTTRAINER_EMULATOR_SEED"] = SeededEmulatorServer.SamplePath,
            ["GPTTRAINER_EMULATOR_API_KEY"] = "from-the-environment",
        });

        Dictionary<string, string> ready = await run.ReadReadyLinesAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ready["GPTTRAINER_EMULATOR_URL"]) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "from-the-environment");

        Assert.Equal("from-the-environment", ready["GPTTRAINER_EMULATOR_KEY"]);
        Assert.Contains("Internal helpdesk", await http.GetStringAsync("api/v1/chatbots"));
    }

    [Fact]
    public async Task PrintsItsAddressAndANewKeyOnLinesAnEightyColumnTerminalDoesNotWrap()
    {
        // A line wrapped by the terminal is copied with a line break in it, and the key no longer works.
        using var run = EmulatorProcess.Start(Array.Empty<string>());

        Dictionary<string, string> ready = await run.ReadReadyLinesAsync();

        Assert.StartsWith("eyJ", ready["GPTTRAINER_EMULATOR_KEY"]);
        Assert.Equal(3, ready["GPTTRAINER_EMULATOR_KEY"].Split('.').Length);
        Assert.All(ready, line => Assert.True(line.Key.Length + 1 + line.Value.Length <= 80, $"{line.Key}={line.Value} is longer than 80 columns"));
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
