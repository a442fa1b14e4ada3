using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// The key check in front of every GPT-trainer route. The service documents no answer for a missing or
/// wrong key; its keys look like Flask-JWT-Extended tokens, so the emulator answers in that library's
/// shape, 401 with a "msg" body (the library would say 422 for a malformed token; any wrong key is 401 here).
/// </summary>
public sealed class BearerAuthentication
{
    private readonly string _expected;

    public BearerAuthentication(string apiKey) => _expected = "Bearer " + apiKey;

    /// <summary>Shared with request recording, so that what tests read about a key agrees with what this check decided.</summary>
    public bool Accepts(string? authorization) => string.Equals(authorization, _expected, StringComparison.Ordinal);

    public void Use(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        string? authorization = ctx.Request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(authorization))
        {
            await Unauthorized(ctx, "Missing Authorization Header");
            return;
        }

        if (!Accepts(authorization))
        {
            await Unauthorized(ctx, "Invalid API key");
            return;
        }

        await next(ctx);
    });

    private static Task Unauthorized(HttpContext ctx, string message)
    {
        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(new JsonObject { ["msg"] = message }.ToJsonString(ApiJson.Relaxed), ctx.RequestAborted);
    }
}
