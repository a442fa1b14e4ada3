using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace GptTrainer.Emulator;

/// <summary>
/// The settings of the console program, from flags or environment variables (a CI service container can
/// set only the latter), and what the C# tests set directly when they host the emulator in-process.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// Loopback unless a user opts in: the emulator is plain HTTP, prints its key, and its control API
    /// needs none, so only a CI job's private network (a service container) is a reason to widen it.
    /// </summary>
    public IPAddress Host { get; set; } = IPAddress.Loopback;

    public int Port { get; set; }

    public string ApiKey { get; set; } = NewKey();

    /// <summary>Pause between the pieces of a reply: about a model's pace by default, slower in the demo, nil in benchmarks.</summary>
    public int PieceDelayMs { get; set; } = 25;

    /// <summary>How long a new source takes to be processed: a few seconds, as the service takes for a small source.</summary>
    public int ProcessingMs { get; set; } = 3000;

    /// <summary>Tokens a chatbot's sources may hold together; generous, so that only tests that mean to reach it do.</summary>
    public long TokenBudget { get; set; } = 10_000_000;

    /// <summary>A seed file to start from, and to go back to on reset.</summary>
    public string? Seed { get; set; }

    /// <summary>Exit when this process does, so a crashed test run leaves no emulator behind.</summary>
    public int? ParentPid { get; set; }

    public static readonly IReadOnlyList<EmulatorOption> Known = new EmulatorOption[]
    {
        new("host", "address", "127.0.0.1", "The IP address to listen on: 0.0.0.0 for every IPv4 interface, :: for every interface. Anything but loopback lets other machines reach the emulator, its key and its control API; it warns then, and control requests must name it by an IP address, localhost or a host name of one label (such as a service container's).",
            (o, v) => o.Host = Address(v)),
        new("port", "number", "0 (a free port)", "The port to listen on.",
            (o, v) => o.Port = Whole(v, 0, 65535)),
        new("api-key", "key", "a new random key", "The key every /api request must carry as 'Authorization: Bearer <key>'.",
            (o, v) => o.ApiKey = v),
        new("piece-delay-ms", "ms", "25", "The pause between two pieces of a streamed reply.",
            (o, v) => o.PieceDelayMs = Whole(v, 0, 60_000)),
        new("processing-ms", "ms", "3000", "How long a new or restarted data source takes to go from its first status to 'success'.",
            (o, v) => o.ProcessingMs = Whole(v, 0, 3_600_000)),
        new("token-budget", "tokens", "10000000", "The tokens a chatbot's processed sources may hold together; a source beyond it ends in 'error:token'.",
            (o, v) => o.TokenBudget = Whole(v, 1, int.MaxValue)),
        new("seed", "file", "none", "A JSON file of chatbots with their settings, tags, files, web pages, Q&A pairs and agents to start with, and to return to on POST /_emulator/reset. A relative path not found in the current folder is looked for next to the program, where seed.sample.json, an example of every part, ships.",
            (o, v) => o.Seed = SeedFile.Locate(v)),
        new("parent-pid", "pid", "none", "Exit when the process with this id exits.",
            (o, v) => o.ParentPid = Whole(v, 1, int.MaxValue)),
    };

    /// <summary>
    /// A key shaped like the service's (three base64url parts), so clients treat it as opaque text; short enough
    /// (53 characters, 288 random bits) that the line printing it fits an 80-column terminal and copies whole.
    /// </summary>
    public static string NewKey()
    {
        static string Part(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"eyJ{Part(6)}.{Part(18)}.{Part(12)}";
    }

    /// <summary>What the program says before serving on an address other machines can reach, or null on loopback.</summary>
    public string? ExposureWarning()
        => IPAddress.IsLoopback(Host)
            ? null
            : $"Warning: listening on {Host}, so other machines can reach this emulator. It is a test double, not a secure server: "
              + "plain HTTP, it prints its key, and its control API (/_emulator: reset, faults, shutdown) needs no key. "
              + "Use it only on a network you trust, such as a CI job's own network.";

    public static bool WantsHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Environment variables first, then flags, so that a flag wins over its variable; an empty variable counts as unset.</summary>
    /// <exception cref="ArgumentException">An unknown flag, a flag without a value, or a value that does not fit, named by where it came from.</exception>
    public static EmulatorOptions Parse(string[] args, Func<string, string?> environment)
    {
        var options = new EmulatorOptions();
        foreach (EmulatorOption option in Known)
        {
            if (environment(option.Variable) is string value && value.Length > 0)
            {
                Set(options, option, value, option.Variable);
            }
        }

        for (int i = 0; i < args.Length; i++)
        {
            EmulatorOption option = Known.FirstOrDefault(o => o.Flag == args[i])
                ?? throw new ArgumentException($"unknown option {args[i]}; known: {string.Join(", ", Known.Select(o => o.Flag))}, --help");
            if (i + 1 >= args.Length) throw new ArgumentException($"{option.Flag} needs a value ({option.ValueName})");
            Set(options, option, args[++i], option.Flag);
        }

        return options;
    }

    public static string Help()
    {
        var text = new StringBuilder();
        text.AppendLine("GptTrainer emulator: a local stand-in for the GPT-trainer API, listening on 127.0.0.1 unless told otherwise.");
        text.AppendLine();
        text.AppendLine("Usage: gpttrainer-emulator [options]        (installed as a .NET tool)");
        text.AppendLine("       dotnet GptTrainer.Emulator.dll [options]");
        text.AppendLine();
        text.AppendLine("Every option can also be set through the environment variable under it; a flag wins over its variable.");
        text.AppendLine();
        foreach (EmulatorOption option in Known)
        {
            text.AppendLine($"  {option.Flag} <{option.ValueName}>");
            text.AppendLine($"      {option.Description}");
            text.AppendLine($"      Variable: {option.Variable}. Default: {option.DefaultText}.");
        }

        text.AppendLine("  --help, -h");
        text.AppendLine("      Print this help and exit.");
        text.AppendLine();
        text.AppendLine("Once listening it prints GPTTRAINER_EMULATOR_URL=<url> and GPTTRAINER_EMULATOR_KEY=<key>, then serves");
        text.AppendLine("until Ctrl+C or POST /_emulator/shutdown. A bad option exits with code 2.");
        return text.ToString();
    }

    private static void Set(EmulatorOptions options, EmulatorOption option, string value, string source)
    {
        try
        {
            option.Apply(options, value);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{source}: '{value}' {ex.Message}", ex);
        }
    }

    /// <summary>An IP address written out in full: "1" or "10.1" also parse as addresses, but nobody means them as one.</summary>
    private static IPAddress Address(string text)
        => (text.Contains('.') || text.Contains(':')) && IPAddress.TryParse(text, out IPAddress? address)
            ? address
            : throw new FormatException("is not an IP address such as 127.0.0.1, 0.0.0.0 or ::");

    private static int Whole(string text, int min, int max)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new FormatException($"is not a whole number from {min} to {max}");
}
