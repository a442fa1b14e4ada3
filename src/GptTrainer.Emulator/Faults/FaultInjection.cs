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
                ctx.Response.StatusCode = status;
                if (fault.RetryAfter is not null)
                {
                    ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                string body = fault.Body ?? new JsonObject { ["error"] = $"emulated failure {status}" }.ToJsonString(ApiJson.Relaxed);
                ctx.Response.ContentType = body.TrimStart().StartsWith('{') ? "application/json" : "text/plain; charset=utf-8";
                await ctx.Response.WriteAsync(body, ctx.RequestAborted);
                return;
            }

            if (fault.CutAfterBytes is not null || fault.StallAfterBytes is not null)
            {
                ctx.Response.Body = new FaultyResponseStream(ctx.Response.Body, ctx, fault);
            }
        }

        await next(ctx);
    });
}
