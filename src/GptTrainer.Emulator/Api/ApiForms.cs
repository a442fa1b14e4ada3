using System.Text;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Multipart uploads: data-source files and session documents arrive the same way, as a part named "file".</summary>
public static class ApiForms
{
    public static async Task<IResult> WithFile(HttpContext ctx, Func<IFormCollection, IFormFile, Task<IResult>> handle)
    {
        if (!ctx.Request.HasFormContentType) return Bad("multipart/form-data with a file part is required");
        IFormCollection form = await ReadFormAsync(ctx);
        return form.Files["file"] is IFormFile file ? await handle(form, file) : Bad("file is required");
    }

    /// <summary>
    /// The form, read once and kept by ASP.NET Core for whoever asks next (the request log, then the route).
    /// A body that is not the multipart its header says (another boundary, a part cut short) ends as a 400
    /// through <see cref="RequestBodyLimits"/>, as a body over the limit ends as a 413, rather than as a 500.
    /// </summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext ctx)
    {
        try
        {
            return await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException && !ctx.RequestAborted.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"the multipart body cannot be read: {ex.Message}", StatusCodes.Status400BadRequest, ex);
        }
    }

    /// <summary>
    /// The text of an uploaded file and its size in UTF-8 bytes, which its tokens are counted from: a PDF's
    /// text is read from its pages; an image has none (the service's model looks at it, the emulator has no
    /// model), rather than bytes that would count as a long text; any other file is taken as UTF-8 text.
    /// Only the start is kept, enough for the largest session document a model takes: answers quote from
    /// it, and large uploads should not cost memory. The size counts the whole text regardless.
    /// </summary>
    public static async Task<(string Text, long Bytes)> ReadText(IFormFile file)
    {
        const int MaxChars = 256 * 1024;
        await using Stream stream = file.OpenReadStream();
        byte[] start = new byte[1024];
        int read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (PdfText.IsPdf(start.AsSpan(0, read)))
        {
            return PdfText.Read(stream, MaxChars);
        }

        if (IsImage(start.AsSpan(0, read)))
        {
            return ("", 0);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return (await TextStart.ReadAsync(reader, MaxChars), file.Length);
    }

    /// <summary>JPEG, PNG, GIF or WebP, known by their first bytes as the service's reader would know them, whatever the name.</summary>
    private static bool IsImage(ReadOnlySpan<byte> start)
        => start.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
        || start.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A })
        || start.StartsWith("GIF8"u8)
        || (start.StartsWith("RIFF"u8) && start.Length >= 12 && start[8..12].SequenceEqual("WEBP"u8));
}
