using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;

namespace GptTrainer.Http;

/// <summary>
/// One HttpClient for the whole process, so every runspace reuses the same pooled connections. A proxy and a
/// certificate policy belong to a handler, so connections made with other <see cref="NetworkOptions"/> get a
/// client of their own, made the first time they are needed and shared from then on by every connection with
/// the same options (never told apart by API key, which the handler does not know).
/// Redirects are followed by <see cref="ApiTransport"/>, never by the handler, so the key cannot follow
/// a redirect to another host.
/// </summary>
internal static class SharedHttpClient
{
    internal const string ConnectTimeoutProperty = "GptTrainer.ConnectTimeout";

    /// <summary>
    /// The connect timeout of the request being sent, for connections the handler opens for a request of
    /// its own: the CONNECT that opens a tunnel through a proxy carries none of our properties, but runs
    /// in the flow of the request that needed it.
    /// </summary>
    internal static readonly AsyncLocal<TimeSpan?> AmbientConnectTimeout = new();

    private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> Clients = new(StringComparer.Ordinal);

    /// <summary>The client of connections with the system's proxy settings and certificate checks.</summary>
    public static HttpClient Instance => For(NetworkOptions.Default);

    /// <summary>The client for connections with these options, made once per distinct options.</summary>
    public static HttpClient For(NetworkOptions network)
        => Clients.GetOrAdd(network.HandlerKey, _ => new Lazy<HttpClient>(() => Create(network), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>True where the connect timeout is enforced on its own (PowerShell 7's SocketsHttpHandler).</summary>
    public static bool HasConnectTimeout { get; private set; }

    private static HttpClient Create(NetworkOptions network)
    {
        HttpMessageHandler handler = TryCreateSocketsHandler(network) ?? CreateClientHandler(network);
        return new HttpClient(handler, disposeHandler: true)
        {
            // Our own idle and connect timeouts apply; an overall limit would kill long replies.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// Windows PowerShell's handler. It has no connect timeout of its own: there the idle timeout bounds the
    /// wait for a connection (to the service or to the proxy) instead.
    /// </summary>
    internal static HttpClientHandler CreateClientHandler(NetworkOptions network)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = !network.NoProxy,
        };

        if (network.CreateProxy() is IWebProxy proxy)
        {
            handler.Proxy = proxy;
        }

        if (network.SkipCertificateCheck)
        {
            handler.ServerCertificateCustomValidationCallback = static (_, _, _, _) => true;
        }

        return handler;
    }

    /// <summary>
    /// SocketsHttpHandler is not part of netstandard2.0, so it is reached by reflection. Its ConnectCallback
    /// lets each request carry its own connect timeout while all requests share one pool.
    /// </summary>
    private static HttpMessageHandler? TryCreateSocketsHandler(NetworkOptions network)
    {
        Type? handlerType = typeof(HttpClientHandler).Assembly.GetType("System.Net.Http.SocketsHttpHandler");
        if (handlerType is null)
        {
            return null;
        }

        try
        {
            var handler = (HttpMessageHandler)Activator.CreateInstance(handlerType)!;
            handlerType.GetProperty("AllowAutoRedirect")!.SetValue(handler, false);
            handlerType.GetProperty("UseCookies")!.SetValue(handler, false);

            // With a proxy, the handler connects to the proxy through the same callback below (for a tunnel
            // too, see AmbientConnectTimeout), so the connect timeout covers reaching the proxy; the proxy's
            // own connection onwards is its business, bounded by the idle timeout like any wait for headers.
            handlerType.GetProperty("UseProxy")!.SetValue(handler, !network.NoProxy);
            if (network.CreateProxy() is IWebProxy proxy)
            {
                handlerType.GetProperty("Proxy")!.SetValue(handler, proxy);
            }

            if (network.SkipCertificateCheck)
            {
                // SslClientAuthenticationOptions is not in netstandard2.0 either; its callback type is.
                object sslOptions = handlerType.GetProperty("SslOptions")!.GetValue(handler)!;
                sslOptions.GetType().GetProperty("RemoteCertificateValidationCallback")!
                    .SetValue(sslOptions, new RemoteCertificateValidationCallback(static (_, _, _, _) => true));
            }

            PropertyInfo? callbackProperty = handlerType.GetProperty("ConnectCallback");
            if (callbackProperty is not null)
            {
                callbackProperty.SetValue(handler, BuildConnectCallback(callbackProperty.PropertyType));
                HasConnectTimeout = true;
            }

            return handler;
        }
        catch (Exception)
        {
            HasConnectTimeout = false;
            return null;
        }
    }

    private static Delegate BuildConnectCallback(Type delegateType)
    {
        // Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>
        Type[] arguments = delegateType.GetGenericArguments();
        ParameterExpression context = Expression.Parameter(arguments[0], "context");
        ParameterExpression token = Expression.Parameter(typeof(CancellationToken), "token");
        MethodInfo connect = typeof(SharedHttpClient).GetMethod(nameof(ConnectAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        Expression call = Expression.Call(
            connect,
            Expression.Property(context, "DnsEndPoint"),
            Expression.Property(context, "InitialRequestMessage"),
            token);
        ConstructorInfo wrap = arguments[2].GetConstructor(new[] { typeof(Task<Stream>) })!;
        return Expression.Lambda(delegateType, Expression.New(wrap, call), context, token).Compile();
    }

    private static async Task<Stream> ConnectAsync(DnsEndPoint endPoint, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TimeSpan limit = request.Properties.TryGetValue(ConnectTimeoutProperty, out object? value) && value is TimeSpan configured
            ? configured
            : AmbientConnectTimeout.Value ?? RequestPolicy.Default.ConnectTimeout;

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource();
        if (limit > TimeSpan.Zero)
        {
            timeout.CancelAfter(limit);
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        // Socket.ConnectAsync has no token on netstandard2.0; closing the socket is what interrupts it.
        using (either.Token.Register(static s => ((Socket)s!).Dispose(), socket))
        {
            try
            {
                await socket.ConnectAsync(endPoint.Host, endPoint.Port).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                socket.Dispose();
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                if (timeout.IsCancellationRequested)
                {
                    throw new GptTrainerTimeoutException(
                        GptTrainerTimeoutException.ConnectTimeoutName,
                        "ConnectTimeoutSec",
                        limit,
                        $"no connection to {endPoint.Host}:{endPoint.Port} could be opened in time",
                        ex);
                }

                throw;
            }
        }

        // The registration may have closed the socket in the instant after the connect completed.
        if (either.IsCancellationRequested)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new GptTrainerTimeoutException(
                GptTrainerTimeoutException.ConnectTimeoutName,
                "ConnectTimeoutSec",
                limit,
                $"no connection to {endPoint.Host}:{endPoint.Port} could be opened in time");
        }

        return new NetworkStream(socket, ownsSocket: true);
    }
}
