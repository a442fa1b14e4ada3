using System.Diagnostics;

namespace GptTrainer.Emulator;

/// <summary>The console program that Pester, the demo and the benchmarks start as a child process.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (EmulatorOptions.WantsHelp(args))
        {
            Console.Out.Write(EmulatorOptions.Help());
            return 0;
        }

        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("See --help for the options.");
            return 2;
        }

        await using EmulatorHost? host = await StartAsync(options);
        if (host is null)
        {
            return 1;
        }

        // Machine-readable lines first: the test helpers and build.ps1 read them.
        Console.WriteLine($"GPTTRAINER_EMULATOR_URL={host.BaseUri.ToString().TrimEnd('/')}");
        Console.WriteLine($"GPTTRAINER_EMULATOR_KEY={options.ApiKey}");
        Console.WriteLine("GptTrainer emulator ready (stop it with Ctrl+C or POST /_emulator/shutdown).");
        Console.Out.Flush();

        Task shutdown = host.WaitForShutdownAsync();
        if (options.ParentPid is int parent)
        {
            Task parentGone = WaitForExitAsync(parent);
            await Task.WhenAny(shutdown, parentGone);
        }
        else
        {
            await shutdown;
        }

        return 0;
    }

    /// <summary>A port already taken is the user's to fix, so it gets a sentence rather than a stack trace.</summary>
    private static async Task<EmulatorHost?> StartAsync(EmulatorOptions options)
    {
        try
        {
            return await EmulatorHost.StartAsync(options);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
            return null;
        }
    }

    private static async Task WaitForExitAsync(int pid)
    {
        try
        {
            using Process parent = Process.GetProcessById(pid);
            await parent.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
