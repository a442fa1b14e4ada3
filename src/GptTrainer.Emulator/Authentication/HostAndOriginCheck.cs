using System.Net;

namespace GptTrainer.Emulator;

/// <summary>
/// Keeps web pages away from the emulator. Its control API needs no key, so a page in the user's browser
/// could otherwise reset or stop it: by posting to a guessed port (the browser then sends the page's
/// Origin), or by DNS rebinding, where the attacker's own name comes to point at 127.0.0.1 and the page's
/// requests name that host in Host. So every request that carries an Origin must come from the emulator's
/// own address, and every control request must be addressed to it; anything else is answered 403 before
/// it is read. Clients that are not browsers send no Origin and address the emulator as they reached it.
/// </summary>
/// <remarks>
/// The emulator's own address, on loopback (the default), is the address it listens on or "localhost", with
/// its port: a browser can be made to send nothing else there but those names and that port from a page of
/// that address, which the emulator does not serve. Listening beyond loopback (a CI service container) it
/// cannot know the names and ports its clients use (service names, port mappings), so it takes any port
/// with an IP address, "localhost", or a name of one label such as "gpttrainer-emulator": DNS rebinding
/// needs a domain the attacker controls, and such a name always has a dot. The rule is in the emulator's README.
/// </remarks>
public sealed class HostAndOriginCheck
{
    private readonly IPAddress _listening;
    private readonly Lazy<int> _port;

    /// <param name="listening">The address the emulator listens on.</param>
    /// <param name="port">Its port, asked for once it is known (the emulator may choose it when it starts).</param>
    public HostAndOriginCheck(IPAddress listening, Func<int> port)
    {
        _listening = listening;
        _port = new Lazy<int>(port);
    }

    /// <summary>Whether a client may name the emulator so; <paramref name="host"/> as in a Host header, IPv6 in brackets.</summary>
    public bool IsOwnAddress(string host, int? port)
    {
        bool localhost = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        IPAddress? address = IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? parsed) && (parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || host.StartsWith('['))
            ? parsed
            : null;
        if (IPAddress.IsLoopback(_listening))
        {
            return port == _port.Value && (localhost || _listening.Equals(address));
        }

        return localhost || address is not null || IsSingleLabel(host);
    }

    public void Use(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        string? origin = ctx.Request.Headers.Origin.FirstOrDefault();
        if (origin is not null && !IsOwnOrigin(origin))
        {
            await ApiJson.WriteErrorAsync(ctx, StatusCodes.Status403Forbidden, $"requests from web pages of another origin are refused: {origin}");
            return;
        }

        HostString host = ctx.Request.Host;
        if (ctx.Request.Path.StartsWithSegments("/_emulator") && !IsOwnAddress(host.Host ?? "", host.Port))
        {
            await ApiJson.WriteErrorAsync(ctx, StatusCodes.Status403Forbidden, $"control requests must be addressed to the emulator's own address, such as {EmulatorHost.ListeningUri(ctx.RequestServices).Authority}, not '{host.Value}'");
            return;
        }

        await next(ctx);
    });

    /// <summary>An Origin names scheme, host and port; "null" (a sandboxed or local page) is nobody's address.</summary>
    private bool IsOwnOrigin(string origin)
        => Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" && IsOwnAddress(uri.Host, uri.Port);

    private static bool IsSingleLabel(string host)
        => host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
