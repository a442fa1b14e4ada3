namespace GptTrainer.Http;

/// <summary>
/// Reads a streamed reply piece by piece. A piece is everything that has arrived by the time the
/// previous one was handed over: the reader waits only while nothing at all has arrived, and never for
/// more than is already there. Nothing is kept after a piece is returned, so memory does not grow with
/// the reply.
/// </summary>
internal sealed class ReplyReader : IDisposable
{
    // Network reads fill a large buffer, so that one wake-up takes all that has arrived...
    private const int BufferSize = 256 * 1024;

    // ...but each piece decodes at most 32 KiB: at most 32K chars, a 64 KB string, which stays on the
    // small-object heap instead of costing a large-object allocation apiece.
    private const int MaxPieceBytes = 32 * 1024;
    private readonly ApiResponse _response;
    private readonly Stream _body;
    private readonly Utf8PieceDecoder _decoder = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly IDisposable _closeOnCancel;

    // Bytes [_start, _end) of the buffer have arrived but are not decoded yet; a read that has not
    // completed (_pending) is filling the buffer from _end on.
    private int _start;
    private int _end;
    private Task<int>? _pending;
    private bool _endOfReply;
    private bool _finished;

    // The end of the text so far when it could be the start of the API key echoed back; it waits for the
    // next piece to tell.
    private string _heldBack = string.Empty;

    private ReplyReader(ApiResponse response, Stream body)
    {
        _response = response;
        _body = body;

        // Reads on some runtimes ignore their token; closing the response interrupts them everywhere.
        _closeOnCancel = response.Idle.Token.Register(static s => ((ApiResponse)s!).Message.Dispose(), response);
    }

    /// <summary>Method and path of the request this is the reply to.</summary>
    public string Request => _response.Request.Display;

    /// <summary>When the attempt this reply answers was sent, as a Stopwatch timestamp.</summary>
    public long SentAt => _response.SentAt;

    public long BytesReceived { get; private set; }

    public long PiecesReceived { get; private set; }

    /// <summary>
    /// For readers that join the whole reply: one that never ends must stop at the policy's response size
    /// before it takes all memory. <paramref name="kept"/> says, given the bytes received, what became of them.
    /// </summary>
    public void EnsureJoinedWithin(Func<long, string> kept)
    {
        long limit = _response.Policy.MaximumResponseSize;
        if (BytesReceived > limit)
        {
            throw new GptTrainerResponseTooLargeException(Request, limit, kept(BytesReceived));
        }
    }

    public static async Task<ReplyReader> OpenAsync(ApiResponse response)
    {
        Stream body = await response.OpenBodyAsync().ConfigureAwait(false);
        return new ReplyReader(response, body);
    }

    /// <summary>The next piece of the reply, or null once the reply is complete.</summary>
    public async Task<string?> ReadPieceAsync()
    {
        while (!_finished)
        {
            if (_start < _end)
            {
                // Bytes that arrived with the previous piece but did not fit into it.
                string? waiting = NextPiece();
                if (waiting is not null)
                {
                    _response.Idle.Pause();
                    return waiting;
                }

                continue;
            }

            if (_end == _buffer.Length)
            {
                _start = _end = 0;
            }

            // Wait until something arrives: the only wait, so the only place the idle timeout matters.
            _response.Idle.Restart();
            Task<int> first = _pending ?? StartRead();
            _pending = null;
            int read;
            try
            {
                read = await first.ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransportFailure(ex))
            {
                throw ApiTransport.TranslateBodyFailure(ex, _response.Idle, _response.Request, BytesReceived, PiecesReceived);
            }

            if (read == 0)
            {
                _endOfReply = true;
            }

            _end += read;
            TakeWhatHasAlreadyArrived();
            string? piece = NextPiece();
            if (piece is not null)
            {
                // The pipeline now has the piece; however long it takes is not the service's silence.
                _response.Idle.Pause();
                return piece;
            }
        }

        return null;
    }

    /// <summary>Decodes the next at most <see cref="MaxPieceBytes"/> bytes; null when they held only part of a character.</summary>
    private string? NextPiece()
    {
        int count = Math.Min(MaxPieceBytes, _end - _start);
        string text = _decoder.Decode(_buffer, _start, count);
        BytesReceived += count;
        _start += count;
        if (_endOfReply && _start == _end)
        {
            _finished = true;
            text += _decoder.Flush();
        }

        text = WithoutKey(text);
        if (text.Length == 0)
        {
            return null;
        }

        PiecesReceived++;
        return text;
    }

    /// <summary>
    /// The text with the API key removed should the server echo it. Text that could be the start of the key
    /// is held back until the next piece shows whether it is; everything else passes unchanged.
    /// </summary>
    private string WithoutKey(string text)
    {
        SecretRedactor redactor = _response.Redactor;
        string joined = _response.Redactor.Redact(_heldBack.Length == 0 ? text : _heldBack + text);
        int hold = _finished ? 0 : redactor.PossibleStartLength(joined);
        _heldBack = hold == 0 ? string.Empty : joined.Substring(joined.Length - hold);
        return hold == 0 ? joined : joined.Substring(0, joined.Length - hold);
    }

    /// <summary>
    /// Reads on while reads complete at once. The first read that would have to wait is left running
    /// for the next piece; one that failed is left too, so the failure surfaces only after the bytes
    /// that arrived before it have been handed over.
    /// </summary>
    private void TakeWhatHasAlreadyArrived()
    {
        while (!_endOfReply && _end < _buffer.Length)
        {
            Task<int> next = StartRead();
            if (next.Status != TaskStatus.RanToCompletion)
            {
                _pending = next;
                return;
            }

            int more = next.Result;
            if (more == 0)
            {
                _endOfReply = true;
                return;
            }

            _end += more;
        }
    }

    private Task<int> StartRead()
    {
        try
        {
            return _body.ReadAsync(_buffer, _end, _buffer.Length - _end, _response.Idle.Token);
        }
        catch (Exception ex)
        {
            return Task.FromException<int>(ex);
        }
    }

    private bool IsTransportFailure(Exception ex)
        => ex is IOException or ObjectDisposedException or System.Net.Http.HttpRequestException || _response.Idle.Fired;

    public void Dispose()
    {
        // A reply left before its end (Select-Object -First, an error downstream) may still have a read
        // pending. Disposing the body would let the HTTP stack drain the connection for reuse while that read
        // also takes from it, and a later request sent on it could wait for headers the stray read took.
        // Cancelling the read first makes the stack close the connection instead.
        if (!_finished)
        {
            _response.Idle.Abandon();
        }

        _closeOnCancel.Dispose();
        _body.Dispose();
        _response.Dispose();
        _pending?.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
