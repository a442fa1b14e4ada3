namespace GptTrainer.Http;

/// <summary>A response whose headers have arrived; its idle timer keeps running while the body is read.</summary>
internal sealed class ApiResponse : IDisposable
{
    public ApiResponse(HttpResponseMessage message, IdleTimer idle, ApiRequest request)
    {
        Message = message;
        Idle = idle;
        Request = request;
    }

    public HttpResponseMessage Message { get; }

    public IdleTimer Idle { get; }

    public ApiRequest Request { get; }

    public int StatusCode => (int)Message.StatusCode;

    /// <summary>The whole body, when the request asked for it to be read as part of the attempt.</summary>
    public string? BufferedText { get; set; }

    /// <summary>Reads the whole body as text, restarting the idle timer on every read.</summary>
    public async Task<string> ReadTextAsync(int? limit = null)
    {
        using Stream body = await Message.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var bytes = new MemoryStream();
        byte[] buffer = new byte[16 * 1024];
        using (Idle.Token.Register(static s => ((HttpResponseMessage)s!).Dispose(), Message))
        {
            while (limit is null || bytes.Length < limit)
            {
                Idle.Restart();
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, 0, buffer.Length, Idle.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || Idle.Fired)
                {
                    throw ApiTransport.TranslateBodyFailure(ex, Idle, Request, bytes.Length);
                }

                if (read == 0)
                {
                    break;
                }

                bytes.Write(buffer, 0, read);
            }
        }

        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    public void Dispose()
    {
        Message.Dispose();
        Idle.Dispose();
    }
}
