using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// A seed the emulator cannot use stops the program as a bad option does: exit code 2 and one line on
/// its error output naming the file and the place in it, never a stack trace, whatever the file holds or
/// is called.
/// </summary>
public class SeedErrorTests
{
    private static async Task<string> RunWithSeedAsync(string path, string json)
    {
        await File.WriteAllTextAsync(path, json);
        try
        {
            using var run = EmulatorProcess.Start(new[] { "--seed", path });

            (int exitCode, string output, string error) = await run.WaitForExitAsync();

            Assert.True(exitCode == 2, $"exit code {exitCode}; error output: {error}");
            Assert.Equal("", output);
            string line = error.TrimEnd('\r', '\n');
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            return line;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string NewPath(string name = "seed") => Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.json");

    [Theory]
    [InlineData("a\\\"b.txt")]
    [InlineData("a\\nb.txt")]
    [InlineData("a\\r\\nb.txt")]
    [InlineData("tab\\there.txt")]
    public async Task NamesAFileNameAnUploadCannotCarry(string name)
    {
        string path = NewPath();

        string line = await RunWithSeedAsync(path, $"{{\"chatbots\": [{{\"name\": \"x\", \"files\": [{{\"name\": \"{name}\", \"text\": \"Hello.\"}}]}}]}}");

        Assert.StartsWith($"seed file {path}: chatbots[0].files[0]: 'name' must be a file name without quotes or control characters", line);
    }

    [Theory]
    [InlineData("{\"chatbots\": [{\"name\": \"x\", \"name\": \"y\"}]}", "chatbots[0]: field 'name' appears twice")]
    [InlineData("{\"chatbots\": [], \"chatbots\": []}", "the file: field 'chatbots' appears twice")]
    [InlineData("{\"chatbots\": [{\"name\": \"x\", \"agents\": [{\"name\": \"a\"}, {\"name\": \"b\", \"model\": \"gpt-4o-8k\", \"model\": \"gpt-4o-16k\"}]}]}", "chatbots[0].agents[1]: field 'model' appears twice")]
    public async Task NamesAFieldThatAppearsTwice(string json, string place)
    {
        string path = NewPath();

        string line = await RunWithSeedAsync(path, json);

        Assert.Equal($"seed file {path}: {place}", line);
    }

    [Fact]
    public async Task KeepsToOneLineWhenTheSeedsOwnNameHasQuotesAndLineBreaks()
    {
        string path = NewPath("my \"odd\"\nseed");

        string line = await RunWithSeedAsync(path, "{\"chatbots\": [{\"name\": \"\"}]}");

        Assert.Equal($"seed file {path.Replace("\n", "\\n")}: chatbots[0]: 'name' must be a non-empty string", line);
    }

    [Fact]
    public async Task KeepsToOneLineWhenWhatItQuotesFromTheFileHasLineBreaks()
    {
        string path = NewPath();

        string line = await RunWithSeedAsync(path, "{\"chatbots\": [{\"name\": \"x\", \"fa\\nq\": []}]}");

        Assert.StartsWith($"seed file {path}: chatbots[0]: unknown field 'fa\\nq'; allowed: ", line);
    }
}
