using System.Text;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Multipart uploads: data-source files and session documents arrive the same way, as a part named "file".</summary>
public static class ApiForms
{
    public static async Task<IResult> WithFile(HttpContext ctx, Func<IFormCollection, IFormFile, Task<IResult>> handle)
    {
        if (!ctx.Request.HasFormContentType) return Bad("multipart/form-data with a file part is required");
        IFormCollection form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        return form.Files["file"] is IFormFile file ? await handle(form, file) : Bad("file is required");
    }

    /// <summary>
    /// Only the start is kept, enough for the largest session document a model takes: answers quote from
    /// it, and large uploads should not cost memory. Sizes and tokens count the whole file regardless.
    /// </summary>
    public static async Task<string> ReadText(IFormFile file)
    {
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        return await TextStart.ReadAsync(reader, 256 * 1024);
    }
}
