using System.Diagnostics;

namespace GptTrainer.Emulator;

/// <summary>The console program that Pester, the demo and the benchmarks start as a child process.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        await using EmulatorHost host = await EmulatorHost.StartAsync(options);

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
