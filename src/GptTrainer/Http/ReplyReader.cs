using System;
using System.IO;
using System.Threading.Tasks;

namespace GptTrainer.Http;

/// <summary>
/// Reads a streamed reply piece by piece: each read from the network becomes one piece of text as soon as
/// it is decoded. Nothing is kept after it is returned, so memory does not grow with the reply.
/// </summary>
internal sealed class ReplyReader : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly ApiResponse _response;
    private readonly Stream _body;
    private readonly Utf8PieceDecoder _decoder = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly IDisposable _closeOnCancel;
    private bool _finished;

    private ReplyReader(ApiResponse response, Stream body)
    {
        _response = response;
        _body = body;

        // Reads on some runtimes ignore their token; closing the response interrupts them everywhere.
        _closeOnCancel = response.Idle.Token.Register(static s => ((ApiResponse)s!).Message.Dispose(), response);
    }

    public long BytesReceived { get; private set; }

    public long PiecesReceived { get; private set; }

    public static async Task<ReplyReader> OpenAsync(ApiResponse response)
    {
        Stream body = await response.Message.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return new ReplyReader(response, body);
    }

    /// <summary>The next piece of the reply, or null once the reply is complete.</summary>
    public async Task<string?> ReadPieceAsync()
    {
        while (!_finished)
        {
            _response.Idle.Restart();
            int read;
            try
            {
                read = await _body.ReadAsync(_buffer, 0, _buffer.Length, _response.Idle.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Http.HttpRequestException || _response.Idle.Fired)
            {
                throw ApiTransport.TranslateBodyFailure(ex, _response.Idle, _response.Request, BytesReceived, PiecesReceived);
            }

            string text;
            if (read == 0)
            {
                _finished = true;
                text = _decoder.Flush();
            }
            else
            {
                BytesReceived += read;
                text = _decoder.Decode(_buffer, 0, read);
            }

            if (text.Length > 0)
            {
                PiecesReceived++;
                return text;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _closeOnCancel.Dispose();
        _body.Dispose();
        _response.Dispose();
    }
}
