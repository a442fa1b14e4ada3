using System.Text;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// Keeps what /_emulator/requests shows. It is the first middleware in front of the GPT-trainer routes
/// because tests assert on what the module sent even when the emulator then refused it (a faulted
/// attempt before a retry, a missing key); it lives with the control API because only tests read it.
/// </summary>
public static class RequestRecording
{
    private const int MaxRecordedBody = 256 * 1024;

    public static void Use(IApplicationBuilder app, Control control, BearerAuthentication authentication) => app.Use(async (ctx, next) =>
    {
        if (control.RecordRequests)
        {
            control.Record(await DescribeAsync(ctx, control, authentication));
        }

        await next(ctx);
    });

    private static async Task<RecordedRequest> DescribeAsync(HttpContext ctx, Control control, BearerAuthentication authentication)
    {
        HttpRequest request = ctx.Request;
        string? authorization = request.Headers.Authorization.FirstOrDefault();
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
                // The header as sent too: FileName is what ASP.NET Core chose from filename and filename*, and
                // tests check what a server that reads only one of them would get.
                form["file:" + file.Name] = new JsonObject { ["fileName"] = file.FileName, ["contentDisposition"] = file.ContentDisposition, ["length"] = file.Length, ["contentType"] = file.ContentType };
            }
        }
        else if (request.ContentLength is null or (> 0 and < MaxRecordedBody))
        {
            // Buffered and rewound, so the route still reads the whole body after the recording has peeked at it.
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            body = await TextStart.ReadAsync(reader, MaxRecordedBody);
            request.Body.Position = 0;
        }

        return new RecordedRequest(
            control.NextSequence(),
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            !string.IsNullOrEmpty(authorization),
            authentication.Accepts(authorization),
            request.ContentType,
            body,
            form,
            request.Host.Value ?? "",
            ctx.Connection.Id,
            request.Headers.UserAgent.ToString());
    }
}
