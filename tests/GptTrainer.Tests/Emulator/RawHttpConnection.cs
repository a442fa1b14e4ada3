using System.Net.Sockets;
using System.Text;

namespace GptTrainer.Tests;

/// <summary>
/// HTTP/1.1 written by hand on a socket, for what HttpClient will not do: send a request's head and only
/// part of its body, or headers it sets itself (Host), and then read what the emulator answered before the
/// rest arrived. That is how a test sees that the emulator decided without reading the whole body.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    /// <summary>Long enough for any busy machine; reached only when the emulator waits for a body it should not need.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly MemoryStream _received = new();

    private RawHttpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri baseUri)
    {
        var client = new TcpClient(baseUri.HostNameType == UriHostNameType.IPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        await client.ConnectAsync(baseUri.IdnHost, baseUri.Port);
        return new RawHttpConnection(client);
    }

    /// <summary>The request line and headers, then the blank line; Host is the caller's to give, among <paramref name="headers"/>.</summary>
    public Task SendHeadAsync(string method, string path, params string[] headers)
        => SendAsync(Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n"));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>
    /// Sends a chunked body of <paramref name="first"/> and then <paramref name="chunk"/> again and again,
    /// until the emulator answers (there is something to read) or <paramref name="maxBytes"/> are sent, and
    /// then the last chunk, so that an emulator that reads everything still gets a whole request to answer.
    /// Returns how many bytes went out. A connection the emulator closed while chunks were still coming ends
    /// the sending; its answer is read afterwards.
    /// </summary>
    public async Task<long> SendChunksUntilAnsweredAsync(byte[] first, byte[] chunk, long maxBytes)
    {
        static byte[] Framed(byte[] data) => Encoding.ASCII.GetBytes($"{data.Length:x}\r\n").Concat(data).Concat("\r\n"u8.ToArray()).ToArray();
        byte[] framed = Framed(chunk);
        long sent = first.Length;
        try
        {
            await _stream.WriteAsync(Framed(first));
            while (!Answered())
            {
                if (sent >= maxBytes)
                {
                    await SendAsync("0\r\n\r\n"u8.ToArray());
                    break;
                }

                await _stream.WriteAsync(framed);
                sent += chunk.Length;
            }
        }
        catch (IOException)
        {
        }

        return sent;
    }

    private bool Answered() => _client.Client.Poll(0, SelectMode.SelectRead);

    /// <summary>The status line, headers and body of the next answer (Content-Length, chunked, or until the connection closes).</summary>
    public async Task<RawHttpResponse> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        int headEnd;
        while ((headEnd = IndexOf(_received.ToArray(), "\r\n\r\n"u8.ToArray())) < 0)
        {
            if (!await ReadMoreAsync(timeout.Token)) throw new IOException("the connection closed before an answer's head: " + Encoding.ASCII.GetString(_received.ToArray()));
        }

        string[] head = Encoding.ASCII.GetString(_received.ToArray(), 0, headEnd).Split("\r\n");
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        int status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Consume(headEnd + 4);

        byte[] body;
        if (headers.TryGetValue("Content-Length", out string? length))
        {
            body = await ReadExactlyAsync(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture), timeout.Token);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out string? encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(timeout.Token);
        }
        else
        {
            while (await ReadMoreAsync(timeout.Token))
            {
            }

            body = _received.ToArray();
            Consume(body.Length);
        }

        return new RawHttpResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    public void Dispose() => _client.Dispose();

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            string sizeLine = Encoding.ASCII.GetString(await ReadLineAsync(cancellationToken));
            int size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                await ReadLineAsync(cancellationToken);
                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<byte[]> ReadLineAsync(CancellationToken cancellationToken)
    {
        int end;
        while ((end = IndexOf(_received.ToArray(), "\r\n"u8.ToArray())) < 0)
        {
            if (!await ReadMoreAsync(cancellationToken)) throw new IOException("the connection closed inside a chunked body");
        }

        byte[] line = _received.ToArray()[..end];
        Consume(end + 2);
        return line;
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (_received.Length < count)
        {
            if (!await ReadMoreAsync(cancellationToken)) throw new IOException($"the connection closed after {_received.Length} of {count} bytes of a body");
        }

        byte[] bytes = _received.ToArray()[..count];
        Consume(count);
        return bytes;
    }

    /// <summary>False once the emulator has closed the connection; a reset after its answer counts as closed.</summary>
    private async Task<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[64 * 1024];
        int read;
        try
        {
            read = await _stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return false;
        }

        _received.Write(buffer, 0, read);
        return read > 0;
    }

    private void Consume(int count)
    {
        byte[] rest = _received.ToArray()[count..];
        _received.SetLength(0);
        _received.Write(rest);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        }

        return -1;
    }
}
