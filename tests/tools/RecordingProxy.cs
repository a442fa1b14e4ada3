#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// A forward HTTP proxy on loopback that writes down what passes through it, for tests of the module's
/// proxy support. It forwards plain-http requests in absolute form (GET http://host:port/path) and opens
/// CONNECT tunnels (for https), and, when given a user and password, answers 407 to every request that
/// does not carry them as Basic Proxy-Authorization. It only ever connects to loopback addresses, so a test
/// that goes wrong cannot reach the internet through it. Plain C# that compiles on .NET Framework 4.7.2
/// and .NET 10: the engine's tests compile it in, and Pester loads it with Add-Type, together with
/// LoopbackListener.cs.
/// </summary>
public sealed class RecordingProxy : LoopbackListener
{
    private readonly string? _expectedAuthorization;
    private readonly List<string> _received = new List<string>();
    private readonly List<TcpClient> _open = new List<TcpClient>();
    private readonly object _gate = new object();

    /// <param name="user">With <paramref name="password"/>: the only credential the proxy lets through; null for an open proxy.</param>
    public RecordingProxy(string? user = null, string? password = null)
    {
        if (user is not null)
        {
            _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        }

        Uri = new Uri("http://127.0.0.1:" + Port + "/");
        StartAccepting();
    }

    /// <summary>The address to give as the proxy.</summary>
    public Uri Uri { get; }

    /// <summary>Each request's head as it arrived, oldest first: the request line, then one line per header.</summary>
    public string[] Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>The request line of each request received (CONNECT 127.0.0.1:443 HTTP/1.1, GET http://... HTTP/1.1).</summary>
    public string[] RequestLines => Received.Select(head => head.Split('\n')[0].TrimEnd('\r')).ToArray();

    /// <summary>Every value the named header had, in every request received.</summary>
    public string[] HeaderValues(string name)
        => Received
            .SelectMany(head => head.Split('\n').Skip(1))
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line.Substring(name.Length + 1).Trim())
            .ToArray();

    /// <summary>Forgets what was received so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _received.Clear();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        lock (_gate)
        {
            foreach (TcpClient client in _open)
            {
                client.Close();
            }

            _open.Clear();
        }
    }

    /// <summary>Keeps the connection to close it on Dispose, unless Dispose came first.</summary>
    private bool Track(TcpClient client)
    {
        lock (_gate)
        {
            if (Disposed)
            {
                client.Close();
                return false;
            }

            _open.Add(client);
            return true;
        }
    }

    protected override async Task ServeAsync(TcpClient client)
    {
        if (!Track(client))
        {
            return;
        }

        try
        {
            client.NoDelay = true;
            NetworkStream stream = client.GetStream();
            var reader = new HeadReader(stream);
            while (true)
            {
                string? head = await reader.ReadHeadAsync().ConfigureAwait(false);
                if (head is null)
                {
                    return;
                }

                lock (_gate)
                {
                    _received.Add(head);
                }

                string[] lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
                string[] requestLine = lines[0].Split(' ');
                long bodyLength = ContentLength(lines);
                if (_expectedAuthorization is not null && Header(lines, "Proxy-Authorization") != _expectedAuthorization)
                {
                    // The body is read first, so the client is not cut off mid-send; then the same connection
                    // takes the request again, now with the credential.
                    await reader.SkipAsync(bodyLength).ConfigureAwait(false);
                    await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"recording proxy\"\r\nContent-Length: 0\r\n\r\n").ConfigureAwait(false);
                    continue;
                }

                if (requestLine[0] == "CONNECT")
                {
                    await TunnelAsync(stream, reader, requestLine[1]).ConfigureAwait(false);
                    return;
                }

                await ForwardAsync(stream, reader, requestLine, lines, bodyLength).ConfigureAwait(false);
                return;
            }
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            client.Close();
        }
    }

    /// <summary>CONNECT host:port: from here on, bytes pass both ways unread (they are TLS).</summary>
    private async Task TunnelAsync(NetworkStream client, HeadReader reader, string authority)
    {
        int colon = authority.LastIndexOf(':');
        using var upstream = await ConnectLoopbackAsync(authority.Substring(0, colon), int.Parse(authority.Substring(colon + 1))).ConfigureAwait(false);
        if (upstream is null)
        {
            await WriteAsync(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n").ConfigureAwait(false);
            return;
        }

        await WriteAsync(client, "HTTP/1.1 200 Connection Established\r\n\r\n").ConfigureAwait(false);
        NetworkStream server = upstream.GetStream();
        await reader.WriteBufferedAsync(server).ConfigureAwait(false);
        await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client)).ConfigureAwait(false);
    }

    /// <summary>One plain request, on a connection of its own to the server, whose answer is passed back as it comes.</summary>
    private async Task ForwardAsync(NetworkStream client, HeadReader reader, string[] requestLine, string[] lines, long bodyLength)
    {
        var target = new Uri(requestLine[1]);
        using var upstream = await ConnectLoopbackAsync(target.Host, target.Port).ConfigureAwait(false);
        if (upstream is null)
        {
            await WriteAsync(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n").ConfigureAwait(false);
            return;
        }

        var head = new StringBuilder();
        head.Append(requestLine[0]).Append(' ').Append(target.PathAndQuery).Append(' ').Append(requestLine[2]).Append("\r\n");
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            // Meant for the proxy alone; the Host header goes on as the client wrote it.
            if (!line.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase))
            {
                head.Append(line).Append("\r\n");
            }
        }

        // One request per connection keeps the forwarding simple: the server closes after its answer.
        head.Append("Connection: close\r\n\r\n");
        NetworkStream server = upstream.GetStream();
        await WriteAsync(server, head.ToString()).ConfigureAwait(false);
        await reader.CopyAsync(server, bodyLength).ConfigureAwait(false);
        await PumpAsync(server, client).ConfigureAwait(false);
    }

    private static async Task<TcpClient?> ConnectLoopbackAsync(string host, int port)
    {
        IPAddress? address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? parsed) ? parsed : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            return null;
        }

        var upstream = new TcpClient(address.AddressFamily) { NoDelay = true };
        try
        {
            await upstream.ConnectAsync(address, port).ConfigureAwait(false);
            return upstream;
        }
        catch (SocketException)
        {
            upstream.Dispose();
            return null;
        }
    }

    private static Task WriteAsync(Stream stream, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        return stream.WriteAsync(bytes, 0, bytes.Length);
    }

    private static string? Header(string[] lines, string name)
        => lines.Skip(1)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line.Substring(name.Length + 1).Trim())
            .FirstOrDefault();

    private static long ContentLength(string[] lines)
    {
        if (Header(lines, "Transfer-Encoding") is string encoding && encoding.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // The module sends every body with its length; a proxy for its tests need not read chunks.
            throw new IOException("a chunked request body, which this test proxy does not forward");
        }

        return long.TryParse(Header(lines, "Content-Length"), out long length) ? length : 0;
    }

    /// <summary>Reads request heads off a connection, keeping whatever came after a head for the body or the tunnel.</summary>
    private sealed class HeadReader
    {
        private readonly Stream _stream;
        private byte[] _buffer = new byte[16384];
        private int _start;
        private int _end;

        public HeadReader(Stream stream) => _stream = stream;

        public async Task<string?> ReadHeadAsync()
        {
            while (true)
            {
                int at = IndexOfHeadEnd();
                if (at >= 0)
                {
                    string head = Encoding.ASCII.GetString(_buffer, _start, at - _start);
                    _start = at + 4;
                    return head;
                }

                if (!await FillAsync().ConfigureAwait(false))
                {
                    return null;
                }
            }
        }

        public async Task SkipAsync(long count)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    return;
                }

                int taken = (int)Math.Min(count, _end - _start);
                _start += taken;
                count -= taken;
            }
        }

        public async Task CopyAsync(Stream to, long count)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    return;
                }

                int taken = (int)Math.Min(count, _end - _start);
                await to.WriteAsync(_buffer, _start, taken).ConfigureAwait(false);
                _start += taken;
                count -= taken;
            }
        }

        /// <summary>Passes on what arrived after the head, such as a TLS hello sent without waiting for the 200.</summary>
        public async Task WriteBufferedAsync(Stream to)
        {
            if (_end > _start)
            {
                await to.WriteAsync(_buffer, _start, _end - _start).ConfigureAwait(false);
                _start = _end;
            }
        }

        private int IndexOfHeadEnd()
        {
            for (int i = _start; i + 3 < _end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private async Task<bool> FillAsync()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
