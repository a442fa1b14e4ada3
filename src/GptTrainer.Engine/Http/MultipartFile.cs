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
            part.Headers.ContentDisposition = FilePart(fileName);
            content.Add(part);
            return content;
        };
    }

    /// <summary>
    /// The header of the file part, carrying any name a file system allows. filename* (RFC 5987: UTF-8,
    /// percent-encoded) holds the exact name; ASP.NET Core and Werkzeug prefer it, so a name such as
    /// <c>a"b.txt</c> arrives as it is. filename holds the name the way browsers, curl and the Python SDK
    /// write it (RFC 7578 and the HTML standard): '"', CR and LF as %22, %0D, %0A, which a quoted header value
    /// cannot hold. .NET refuses those three in filename, failing the request instead of sending it.
    /// </summary>
    internal static ContentDispositionHeaderValue FilePart(string fileName) => new("form-data")
    {
        Name = "file",
        FileName = PercentEscaping.Escape(fileName, static (c, _) => c is '"' or '\r' or '\n'),
        FileNameStar = fileName,
    };
}
