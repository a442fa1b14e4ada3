using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GptTrainer.Emulator;

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

    /// <exception cref="SeedException">The seed file cannot be read, or the API refused part of it.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options)
    {
        // Read before listening, so that a bad file stops the start before anyone can connect.
        SeedFile? seed = options.Seed is string path ? SeedFile.Read(path) : null;
        var store = new Store(options.ProcessingMs, options.TokenBudget);
        var control = new Control(options.PieceDelayMs);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The largest body any request may have; RequestBodyLimits lowers it for everything but uploads.
            kestrel.Limits.MaxRequestBodySize = RequestBodyLimits.UploadBytes;
            kestrel.Listen(options.Host, options.Port, listen => listen.Use(next => async connection =>
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

        // Before anything reads a request: web pages are refused first, then bodies are held to their limits.
        new HostAndOriginCheck(options.Host, () => ListeningUri(app.Services).Port).Use(app);
        RequestBodyLimits.Use(app);
        // Only the GPT-trainer routes are recorded, faulted and keyed: /_emulator/* is the tests' own
        // channel and needs no key, which is safe on loopback (the default; anything else is the user's
        // explicit choice, and the program warns about it) now that web pages cannot reach it. The order
        // is what tests rely on: a request is recorded even when a fault or the key check then stops it,
        // and a fault fires whatever key the request carries.
        var authentication = new BearerAuthentication(options.ApiKey);
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
        {
            RequestRecording.Use(api, control, authentication);
            FaultInjection.Use(api, control);
            authentication.Use(api);
            UnmatchedRequests.Use(api);
        });
        GptTrainerApi.Map(app, store, control);
        ControlEndpoints.Map(app, store, control, options, seed);
        await app.StartAsync();

        var host = new EmulatorHost(app, ListeningUri(app.Services), options, store, control);
        if (seed is not null)
        {
            try
            {
                await SeedApplier.ApplyAsync(seed, host.BaseUri, options.ApiKey, default);
                control.Reset(options.PieceDelayMs);
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }

        return host;
    }

    /// <summary>
    /// Where this machine reaches the emulator, known only once it has started (the port may be chosen then).
    /// Listening on every interface (0.0.0.0, ::) is reached through loopback: "connect to 0.0.0.0" works on
    /// some systems only, and the seed is applied through this address.
    /// </summary>
    public static Uri ListeningUri(IServiceProvider services)
    {
        var address = new UriBuilder(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (IPAddress.TryParse(address.Host, out IPAddress? ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            address.Host = ip.Equals(IPAddress.Any) ? IPAddress.Loopback.ToString() : "[::1]";
        }

        return address.Uri;
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
