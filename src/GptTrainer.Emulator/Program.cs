using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GptTrainer.Emulator;

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

/// <summary>A running emulator: in-process for the C# tests, or inside the console program for Pester and the demo.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseUri, EmulatorOptions options, Store store, Control control)
    {
        _app = app;
        BaseUri = baseUri;
        Options = options;
        Store = store;
        Control = control;
    }

    public Uri BaseUri { get; }

    public EmulatorOptions Options { get; }

    public Store Store { get; }

    public Control Control { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options)
    {
        var store = new Store();
        var control = new Control(options.PieceDelayMs);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 512L * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => async connection =>
            {
                Interlocked.Increment(ref control.ConnectionsAccepted);
                Interlocked.Increment(ref control.ConnectionsOpen);
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref control.ConnectionsOpen);
                }
            }));
        });

        WebApplication app = builder.Build();
        Faults.Use(app, control, options.ApiKey);
        Api.Map(app, store, control);
        ControlEndpoints.Map(app, store, control, options);
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, new Uri(address), options, store, control);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

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
