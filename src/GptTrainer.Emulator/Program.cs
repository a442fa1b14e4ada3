using System.Diagnostics;

namespace GptTrainer.Emulator;

/// <summary>The console program: the gpttrainer-emulator tool, and what Pester, the demo and the benchmarks start as a child process.</summary>
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

        // A bad seed file is a bad option, and a taken port the user's to free: both get a sentence, not a stack trace.
        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options);
        }
        catch (SeedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Cannot listen on {new System.Net.IPEndPoint(options.Host, options.Port)}: {ex.Message}");
            return 1;
        }

        await using (host)
        {
            await ServeAsync(host, options);
        }

        return 0;
    }

    private static async Task ServeAsync(EmulatorHost host, EmulatorOptions options)
    {
        // Machine-readable lines first: the test helpers and build.ps1 read them.
        Console.WriteLine($"GPTTRAINER_EMULATOR_URL={host.BaseUri.ToString().TrimEnd('/')}");
        Console.WriteLine($"GPTTRAINER_EMULATOR_KEY={options.ApiKey}");
        Console.WriteLine("GptTrainer emulator ready (stop it with Ctrl+C or POST /_emulator/shutdown).");
        Console.Out.Flush();
        if (options.ExposureWarning() is string warning)
        {
            Console.Error.WriteLine(warning);
        }

        Task shutdown = host.WaitForShutdownAsync();
        if (options.ParentPid is int parent)
        {
            await Task.WhenAny(shutdown, WaitForExitAsync(parent));
        }
        else
        {
            await shutdown;
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
