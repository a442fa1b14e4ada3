namespace GptTrainer.Emulator;

/// <summary>
/// Gives routing's own refusals the JSON body every other error of the API has: 404 for a path no route
/// takes, 405 for a method the path does not take. Routing already sets the 405's Allow header.
/// </summary>
public static class UnmatchedRequests
{
    public static void Use(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        await next(ctx);
        HttpResponse response = ctx.Response;
        if (response.HasStarted || response.ContentType is not null || response.ContentLength is not null)
        {
            return;
        }

        string? error = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "not found",
            StatusCodes.Status405MethodNotAllowed => "method not allowed",
            _ => null,
        };
        if (error is not null)
        {
            await ApiJson.WriteErrorAsync(ctx, response.StatusCode, error);
        }
    });
}
