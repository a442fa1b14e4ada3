using System.Text;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// Keeps what /_emulator/requests shows. It is the first middleware in front of the GPT-trainer routes
/// because tests assert on what the module sent even when the emulator then refused it (a faulted
/// attempt before a retry, a missing key); it lives with the control API because only tests read it.
/// It reads a body only when the request carries the key: a request without it is answered 401 before any
/// of its body is read, so it cannot be made to parse, wait for or fail on a body first.
/// </summary>
public static class RequestRecording
{
    private const int MaxRecordedBody = 256 * 1024;

    public static void Use(IApplicationBuilder app, Control control, BearerAuthentication authentication) => app.Use(async (ctx, next) =>
    {
        if (control.RecordRequests)
        {
            await RecordAsync(ctx, control, authentication);
        }

        await next(ctx);
    });

    /// <summary>Recorded even when its body turns out too large or unreadable, before that answer goes out.</summary>
    private static async Task RecordAsync(HttpContext ctx, Control control, BearerAuthentication authentication)
    {
        HttpRequest request = ctx.Request;
        string? authorization = request.Headers.Authorization.FirstOrDefault();
        bool keyed = authentication.Accepts(authorization);
        string body = string.Empty;
        JsonObject? form = null;
        try
        {
            if (keyed)
            {
                (body, form) = await ReadBodyAsync(ctx);
            }
        }
        finally
        {
            control.Record(new RecordedRequest(
                control.NextSequence(),
                request.Method,
                request.Path.Value ?? "",
                request.QueryString.Value ?? "",
                !string.IsNullOrEmpty(authorization),
                keyed,
                request.ContentType,
                body,
                form,
                request.Host.Value ?? "",
                ctx.Connection.Id,
                request.Headers.UserAgent.ToString()));
        }
    }

    private static async Task<(string Body, JsonObject? Form)> ReadBodyAsync(HttpContext ctx)
    {
        HttpRequest request = ctx.Request;
        if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection fields = await ApiForms.ReadFormAsync(ctx);
            var form = new JsonObject();
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

            return (string.Empty, form);
        }

        if (request.ContentLength is null or (> 0 and < MaxRecordedBody))
        {
            // Buffered and rewound, so the route still reads the whole body after the recording has peeked at it.
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            string body = await TextStart.ReadAsync(reader, MaxRecordedBody);
            request.Body.Position = 0;
            return (body, null);
        }

        return (string.Empty, null);
    }
}
