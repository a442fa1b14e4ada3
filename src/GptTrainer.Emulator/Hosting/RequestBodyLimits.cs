using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace GptTrainer.Emulator;

/// <summary>
/// How much of a request body the emulator will read: 4 MiB on every route, 128 MiB on the two that take
/// uploads. Kestrel holds each request to its limit as the body is read, so a body whose declared length,
/// or whose bytes so far, pass it is refused at once and the rest is never read; this turns that refusal
/// into the JSON error every other answer of the emulator has. It runs in front of every path, because the
/// control API needs no key and reads bodies too: without it, anyone who can reach the port could make the
/// emulator hold as much memory as they care to send. The limit goes by route, not by content type, so
/// that calling a JSON route "multipart" does not buy a larger body.
/// </summary>
/// <remarks>The limits are in src/GptTrainer.Emulator/README.md.</remarks>
public static class RequestBodyLimits
{
    /// <summary>Far above any request a client makes, and small enough that a few at once cost nothing to hold.</summary>
    public const long JsonBytes = 4L * 1024 * 1024;

    /// <summary>The size ASP.NET Core's form reader takes for one file by default; uploaded files are kept on disk, not in memory.</summary>
    public const long UploadBytes = 128L * 1024 * 1024;

    /// <summary>Marks a route that takes a multipart upload, and with it the larger limit.</summary>
    public static RouteHandlerBuilder TakesUploads(this RouteHandlerBuilder route)
        => route.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(UploadBytes));

    public static void Use(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        // Routing has run: the endpoint, if any, is known before the body is touched.
        long max = ctx.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? JsonBytes;
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        try
        {
            await next(ctx);
        }
        catch (BadHttpRequestException ex) when (!ctx.Response.HasStarted)
        {
            string error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the body is larger than the {max / (1024 * 1024)} MiB the emulator takes on this route"
                : ex.Message;

            // The rest of the body is not read, so the connection cannot carry another request.
            ctx.Response.Clear();
            ctx.Response.Headers.Connection = "close";
            await ApiJson.WriteErrorAsync(ctx, ex.StatusCode, error);
        }
    });
}
