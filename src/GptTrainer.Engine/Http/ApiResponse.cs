namespace GptTrainer.Http;

/// <summary>A response whose headers have arrived; its idle timer keeps running while the body is read.</summary>
internal sealed class ApiResponse(HttpResponseMessage message, IdleTimer idle, ApiRequest request, RequestPolicy policy, SecretRedactor redactor)
    : IDisposable
{
    public HttpResponseMessage Message { get; } = message;

    public IdleTimer Idle { get; } = idle;

    public ApiRequest Request { get; } = request;

    public RequestPolicy Policy { get; } = policy;

    /// <summary>Removes the API key from anything this response's server supplied.</summary>
    public SecretRedactor Redactor { get; } = redactor;

    public int StatusCode => (int)Message.StatusCode;

    /// <summary>
    /// When the attempt that got this response was sent (a Stopwatch timestamp): latency measured from here
    /// leaves out the waits before retries, which are the service's refusals, not its answering time.
    /// </summary>
    public long SentAt { get; init; }

    /// <summary>The whole body, key removed, when the request asked for it to be read as part of the attempt.</summary>
    public string? BufferedText { get; set; }

    /// <summary>The body with any Content-Encoding undone; an encoding the module cannot undo is refused.</summary>
    public async Task<Stream> OpenBodyAsync()
    {
        Stream body = await Message.Content.ReadAsStreamAsync().ConfigureAwait(false);
        Stream decoded = ContentDecoding.Decode(body, Message.Content.Headers.ContentEncoding, out string? unsupported);
        if (unsupported is not null)
        {
            decoded.Dispose();
            throw new GptTrainerUnexpectedAnswerException(
                StatusCode,
                Request.Display,
                $"its body is encoded as '{DisplayText.Safe(unsupported)}', which the module cannot decode (it handles gzip, deflate and, in PowerShell 7, br)",
                string.Empty);
        }

        return decoded;
    }

    /// <summary>
    /// Reads the whole body as text. The idle timer restarts on every read, and the whole read is bounded in
    /// time (-ResponseTimeoutSec) and in size: past <paramref name="limit"/> bytes an answer is refused, or,
    /// for an error body that is only shown, cut.
    /// </summary>
    public async Task<string> ReadTextAsync(long limit, bool cutAtLimit)
    {
        long? declared = Message.Content.Headers.ContentLength;
        if (!cutAtLimit && declared > limit && Message.Content.Headers.ContentEncoding.Count == 0)
        {
            throw new GptTrainerResponseTooLargeException(Request.Display, limit, $"it declared {declared} bytes, so none of it was read");
        }

        using Stream body = await OpenBodyAsync().ConfigureAwait(false);
        using var whole = CancellationTokenSource.CreateLinkedTokenSource(Idle.Token);
        if (Policy.ResponseTimeout > TimeSpan.Zero)
        {
            whole.CancelAfter(Policy.ResponseTimeout);
        }

        using var bytes = new MemoryStream(declared is long size && size <= limit ? (int)size : 0);
        byte[] buffer = new byte[16 * 1024];
        using (whole.Token.Register(static s => ((HttpResponseMessage)s!).Dispose(), Message))
        {
            while (true)
            {
                Idle.Restart();
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - bytes.Length), whole.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (whole.IsCancellationRequested && !Idle.Token.IsCancellationRequested)
                {
                    throw new GptTrainerTimeoutException(
                        GptTrainerTimeoutException.ResponseTimeoutName,
                        "ResponseTimeoutSec",
                        Policy.ResponseTimeout,
                        $"the answer to {Request.Display} was still arriving ({bytes.Length} bytes so far)",
                        ex);
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
                if (bytes.Length > limit)
                {
                    if (cutAtLimit)
                    {
                        bytes.SetLength(limit);
                        break;
                    }

                    throw new GptTrainerResponseTooLargeException(Request.Display, limit, $"the module stopped reading after {limit} bytes");
                }
            }
        }

        return Redactor.Redact(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
    }

    public void Dispose()
    {
        Message.Dispose();
        Idle.Dispose();
    }
}
