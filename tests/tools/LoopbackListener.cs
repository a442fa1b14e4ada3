#nullable enable
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

/// <summary>
/// What the loopback servers of the tests (RecordingProxy, TlsRelay) share: a listener on a free port of
/// 127.0.0.1 that hands each connection to the server, and the copying of bytes one way until the sender
/// closes. Plain C# that compiles on .NET Framework 4.7.2 and .NET 10; Add-Type it with the server.
/// </summary>
public abstract class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener;
    private volatile bool _disposed;

    protected LoopbackListener()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    protected bool Disposed => _disposed;

    public virtual void Dispose()
    {
        _disposed = true;
        _listener.Stop();
    }

    /// <summary>Called by the server's constructor once it is ready to serve, so no connection finds it half made.</summary>
    protected void StartAccepting() => _ = AcceptAsync();

    /// <summary>Serves one connection; the server closes it.</summary>
    protected abstract Task ServeAsync(TcpClient client);

    /// <summary>Copies what arrives to the other side as it arrives, until the sender closes or either side breaks.</summary>
    protected static async Task PumpAsync(Stream from, Stream to)
    {
        byte[] buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            {
                await to.WriteAsync(buffer, 0, read).ConfigureAwait(false);
                await to.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_disposed)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_disposed)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = ServeAsync(client);
        }
    }
}
