using System.Security.Cryptography;

namespace GptTrainer.Emulator;

/// <summary>The command line of the console program, and what the C# tests set directly when they host the emulator in-process.</summary>
public sealed class EmulatorOptions
{
    public int Port { get; set; }

    public string ApiKey { get; set; } = NewKey();

    /// <summary>Pause between pieces of a composed reply; the demo slows it so streaming is visible.</summary>
    public int PieceDelayMs { get; set; } = 5;

    /// <summary>Exit when this process does, so a crashed test run leaves no emulator behind.</summary>
    public int? ParentPid { get; set; }

    /// <summary>A key shaped like the service's (three base64url parts), so clients treat it as opaque text.</summary>
    public static string NewKey()
    {
        static string Part(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"eyJ{Part(15)}.{Part(45)}.{Part(32)}";
    }

    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port": options.Port = int.Parse(value); i++; break;
                case "--api-key": options.ApiKey = value; i++; break;
                case "--piece-delay-ms": options.PieceDelayMs = int.Parse(value); i++; break;
                case "--parent-pid": options.ParentPid = int.Parse(value); i++; break;
                default: throw new ArgumentException($"unknown option {args[i]}; known: --port, --api-key, --piece-delay-ms, --parent-pid");
            }
        }

        return options;
    }
}
