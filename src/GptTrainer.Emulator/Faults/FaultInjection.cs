using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// Applies the fault rules tests register. It runs before the key check so that a test can fail a
/// request whatever key it carries, and it wraps the response body rather than touching routes so that
/// every endpoint, streamed or not, can misbehave the same way.
/// </summary>
public static class FaultInjection
{
    public static void Use(IApplicationBuilder app, Control control) => app.Use(async (ctx, next) =>
    {
        FaultRule? fault = control.TakeFault(ctx.Request);
        if (fault is not null)
        {
            if (fault.StallBeforeHeadersMs > 0)
            {
                try
                {
                    await Task.Delay(fault.StallBeforeHeadersMs, ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (fault.DropConnection)
            {
                ctx.Abort();
                return;
            }

            if (fault.RedirectTo is not null)
            {
                ctx.Response.StatusCode = fault.RedirectStatus;
                ctx.Response.Headers.Location = fault.RedirectTo.TrimEnd('/') + ctx.Request.Path + ctx.Request.QueryString;
                return;
            }

            if (fault.Status is int status)
            {
                await AnswerAsync(ctx, fault, status);
                return;
            }

            if (fault.CutAfterBytes is not null || fault.StallAfterBytes is not null)
            {
                ctx.Response.Body = new FaultyResponseStream(ctx.Response.Body, ctx, fault);
            }

            if (fault.ContentEncoding is not null)
            {
                await EncodedAsync(ctx, fault.ContentEncoding, next);
                return;
            }
        }

        await next(ctx);
    });

    /// <summary>The answer a rule dictates: status, headers, and a body written whole, trickled or without end.</summary>
    private static async Task AnswerAsync(HttpContext ctx, FaultRule fault, int status)
    {
        ctx.Response.StatusCode = status;
        if (fault.ReasonPhrase is not null)
        {
            ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = fault.ReasonPhrase;
        }

        if (fault.RetryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        if (fault.Location is not null)
        {
            ctx.Response.Headers.Location = fault.Location;
        }

        string body = fault.Body ?? (fault.EndlessBody ? "[" : new JsonObject { ["error"] = $"emulated failure {status}" }.ToJsonString(ApiJson.Relaxed));
        ctx.Response.ContentType = body.TrimStart('\uFEFF', ' ').StartsWith('{') || body.StartsWith('[') ? "application/json" : "text/plain; charset=utf-8";
        try
        {
            if (fault.TrickleMs > 0)
            {
                foreach (byte b in System.Text.Encoding.UTF8.GetBytes(body))
                {
                    await ctx.Response.Body.WriteAsync(new[] { b }, ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await Task.Delay(fault.TrickleMs, ctx.RequestAborted);
                }
            }
            else
            {
                await ctx.Response.WriteAsync(body, ctx.RequestAborted);
            }

            if (fault.EndlessBody)
            {
                byte[] chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"uuid\":\"0123456789abcdef0123456789abcdef\",\"name\":\"again\"},", 1000)));
                while (true)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away, as a client facing a runaway answer should.
        }
    }

    /// <summary>
    /// Lets the route write its answer through a compressor that flushes with every flush the route makes,
    /// so a streamed reply still leaves piece by piece. An encoding the emulator cannot produce is only
    /// named in the header, for clients that must refuse what they cannot decode.
    /// </summary>
    private static async Task EncodedAsync(HttpContext ctx, string encoding, RequestDelegate next)
    {
        Stream original = ctx.Response.Body;
        Stream? compressor = encoding switch
        {
            "gzip" => new System.IO.Compression.GZipStream(original, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new System.IO.Compression.ZLibStream(original, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
            "br" => new System.IO.Compression.BrotliStream(original, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
            _ => null,
        };
        ctx.Response.OnStarting(() =>
        {
            ctx.Response.Headers.ContentEncoding = encoding;
            ctx.Response.Headers.ContentLength = null;
            return Task.CompletedTask;
        });
        if (compressor is null)
        {
            await next(ctx);
            return;
        }

        ctx.Response.Body = compressor;
        try
        {
            await next(ctx);
        }
        finally
        {
            await compressor.DisposeAsync();
            ctx.Response.Body = original;
        }
    }
}
