using System.Text;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>Middleware that records requests, applies fault rules and checks the bearer key, in that order.</summary>
public static class Faults
{
    private const int MaxRecordedBody = 256 * 1024;

    public static void Use(WebApplication app, Control control, string apiKey)
    {
        string expected = "Bearer " + apiKey;
        app.Use(async (ctx, next) =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/api"))
            {
                await next(ctx);
                return;
            }

            string? authorization = ctx.Request.Headers.Authorization.FirstOrDefault();
            if (control.RecordRequests)
            {
                control.Record(await DescribeAsync(ctx, control, authorization, expected));
            }

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

                    string body = fault.Body ?? new JsonObject { ["error"] = $"emulated failure {status}" }.ToJsonString(Api.Relaxed);
                    ctx.Response.ContentType = body.TrimStart().StartsWith('{') ? "application/json" : "text/plain; charset=utf-8";
                    await ctx.Response.WriteAsync(body, ctx.RequestAborted);
                    return;
                }

                if (fault.CutAfterBytes is not null || fault.StallAfterBytes is not null)
                {
                    ctx.Response.Body = new FaultyResponseStream(ctx.Response.Body, ctx, fault);
                }
            }

            if (string.IsNullOrEmpty(authorization))
            {
                await Unauthorized(ctx, "Missing Authorization Header");
                return;
            }

            if (!string.Equals(authorization, expected, StringComparison.Ordinal))
            {
                await Unauthorized(ctx, "Invalid API key");
                return;
            }

            await next(ctx);
        });
    }

    private static Task Unauthorized(HttpContext ctx, string message)
    {
        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(new JsonObject { ["msg"] = message }.ToJsonString(Api.Relaxed), ctx.RequestAborted);
    }

    private static async Task<RecordedRequest> DescribeAsync(HttpContext ctx, Control control, string? authorization, string expected)
    {
        HttpRequest request = ctx.Request;
        string body = string.Empty;
        JsonObject? form = null;
        if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection fields = await request.ReadFormAsync(ctx.RequestAborted);
            form = new JsonObject();
            foreach (var field in fields)
            {
                form[field.Key] = field.Value.ToString();
            }

            foreach (IFormFile file in fields.Files)
            {
                form["file:" + file.Name] = new JsonObject { ["fileName"] = file.FileName, ["length"] = file.Length, ["contentType"] = file.ContentType };
            }
        }
        else if (request.ContentLength is null or < MaxRecordedBody)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            char[] buffer = new char[MaxRecordedBody];
            int read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
            body = new string(buffer, 0, read);
            request.Body.Position = 0;
        }

        return new RecordedRequest(
            control.NextSequence(),
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            !string.IsNullOrEmpty(authorization),
            string.Equals(authorization, expected, StringComparison.Ordinal),
            request.ContentType,
            body,
            form,
            request.Host.Value ?? "",
            ctx.Connection.Id,
            request.Headers.UserAgent.ToString());
    }
}
