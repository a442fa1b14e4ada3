using System.Net;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

public class EmulatorOptionsTests
{
    private static EmulatorOptions Parse(string[] args, Dictionary<string, string>? environment = null)
        => EmulatorOptions.Parse(args, name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null);

    [Fact]
    public void NamesEveryVariableAfterItsFlag()
    {
        Assert.Equal(
            new[]
            {
                "GPTTRAINER_EMULATOR_HOST", "GPTTRAINER_EMULATOR_PORT", "GPTTRAINER_EMULATOR_API_KEY", "GPTTRAINER_EMULATOR_PIECE_DELAY_MS", "GPTTRAINER_EMULATOR_PROCESSING_MS",
                "GPTTRAINER_EMULATOR_TOKEN_BUDGET", "GPTTRAINER_EMULATOR_SEED", "GPTTRAINER_EMULATOR_PARENT_PID",
            },
            EmulatorOptions.Known.Select(o => o.Variable));
    }

    [Fact]
    public void ReadsVariablesAndLetsFlagsWin()
    {
        var environment = new Dictionary<string, string> { ["GPTTRAINER_EMULATOR_PORT"] = "5123", ["GPTTRAINER_EMULATOR_PIECE_DELAY_MS"] = "7", ["GPTTRAINER_EMULATOR_API_KEY"] = "" };

        EmulatorOptions options = Parse(new[] { "--piece-delay-ms", "9" }, environment);

        Assert.Equal(5123, options.Port);
        Assert.Equal(9, options.PieceDelayMs);
        Assert.StartsWith("eyJ", options.ApiKey);
    }

    [Theory]
    [InlineData(new[] { "--port", "70000" }, null, "--port: '70000' is not a whole number from 0 to 65535")]
    [InlineData(new[] { "--piece-delay-ms", "-1" }, null, "--piece-delay-ms: '-1' is not a whole number from 0 to 60000")]
    [InlineData(new[] { "--port" }, null, "--port needs a value (number)")]
    [InlineData(new[] { "--host", "localhost" }, null, "--host: 'localhost' is not an IP address")]
    [InlineData(new[] { "--host", "1" }, null, "--host: '1' is not an IP address")]
    [InlineData(new[] { "--colour", "red" }, null, "unknown option --colour")]
    [InlineData(new string[0], "GPTTRAINER_EMULATOR_PORT=eighty", "GPTTRAINER_EMULATOR_PORT: 'eighty' is not a whole number")]
    public void RefusesWhatDoesNotFitNamingWhereItCameFrom(string[] args, string? variable, string expected)
    {
        Dictionary<string, string>? environment = variable?.Split('=') is [string name, string value] ? new() { [name] = value } : null;

        var ex = Assert.Throws<ArgumentException>(() => Parse(args, environment));

        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void HelpNamesEveryOptionWithItsVariableAndDefault()
    {
        string help = EmulatorOptions.Help();

        foreach (EmulatorOption option in EmulatorOptions.Known)
        {
            Assert.Contains(option.Flag, help);
            Assert.Contains($"Variable: {option.Variable}. Default: {option.DefaultText}.", help);
        }
    }

    [Fact]
    public void ListensOnLoopbackAndWarnsOfNothingUnlessToldAnotherAddress()
    {
        EmulatorOptions standard = Parse(Array.Empty<string>());
        EmulatorOptions ipv6Loopback = Parse(new[] { "--host", "::1" });

        Assert.Equal(IPAddress.Loopback, standard.Host);
        Assert.Null(standard.ExposureWarning());
        Assert.Equal(IPAddress.IPv6Loopback, ipv6Loopback.Host);
        Assert.Null(ipv6Loopback.ExposureWarning());
    }

    [Fact]
    public void WarnsWhenAVariableOpensItToOtherMachines()
    {
        EmulatorOptions options = Parse(Array.Empty<string>(), new Dictionary<string, string> { ["GPTTRAINER_EMULATOR_HOST"] = "0.0.0.0" });

        Assert.Equal(IPAddress.Any, options.Host);
        string warning = Assert.IsType<string>(options.ExposureWarning());
        Assert.StartsWith("Warning: listening on 0.0.0.0, so other machines can reach this emulator.", warning);
        Assert.Contains("not a secure server", warning);
        Assert.Contains("control API (/_emulator: reset, faults, shutdown) needs no key", warning);
    }

    [Fact]
    public void FindsASeedNamedByItsFileNameNextToTheProgram()
    {
        EmulatorOptions options = Parse(new[] { "--seed", "seed.sample.json" });

        Assert.Equal(SeededEmulatorServer.SamplePath, options.Seed);
    }

    [Fact]
    public void LeavesASeedFoundNowhereAsGivenForTheReadToReport()
    {
        EmulatorOptions options = Parse(new[] { "--seed", "no-such-seed.json" });

        Assert.Equal("no-such-seed.json", options.Seed);
    }
}
