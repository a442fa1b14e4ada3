using System.Net.Http.Headers;

namespace GptTrainer.Http;

/// <summary>multipart/form-data bodies that stream a file from disk, reporting progress for large ones.</summary>
internal static class MultipartFile
{
    private const long ProgressThreshold = 1024 * 1024;

    /// <summary>
    /// A factory, so that a retry sends the file again from its start. The service stores the part's file name
    /// as sent, which is the file's own name unless <paramref name="fileName"/> gives another.
    /// </summary>
    public static Func<HttpContent> Content(string path, (string Name, string Value)[] fields, IApiLog progressTo, string activity, string? fileName = null)
    {
        fileName ??= Path.GetFileName(path);
        return () =>
        {
            var content = new MultipartFormDataContent();
            foreach ((string name, string value) in fields)
            {
                content.Add(new StringContent(value), name);
            }

            Stream file;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                content.Dispose();
                throw new GptTrainerFileReadException(path, ex);
            }

            if (file.Length >= ProgressThreshold)
            {
                file = new ProgressStream(file, progressTo, activity, fileName);
            }

            var part = new StreamContent(file, 64 * 1024);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", fileName);
            return content;
        };
    }
}
