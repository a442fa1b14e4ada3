using System.Linq.Expressions;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace GptTrainer.Http;

/// <summary>
/// One HttpClient for the whole process, so every runspace reuses the same pooled connections.
/// Redirects are followed by <see cref="ApiTransport"/>, never by the handler, so the key cannot follow
/// a redirect to another host.
/// </summary>
internal static class SharedHttpClient
{
    internal const string ConnectTimeoutProperty = "GptTrainer.ConnectTimeout";

    private static readonly Lazy<HttpClient> LazyClient = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static HttpClient Instance => LazyClient.Value;

    /// <summary>True where the connect timeout is enforced on its own (PowerShell 7's SocketsHttpHandler).</summary>
    public static bool HasConnectTimeout { get; private set; }

    private static HttpClient Create()
    {
        HttpMessageHandler handler = TryCreateSocketsHandler() ?? new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
        };

        return new HttpClient(handler, disposeHandler: true)
        {
            // Our own idle and connect timeouts apply; an overall limit would kill long replies.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// SocketsHttpHandler is not part of netstandard2.0, so it is reached by reflection. Its ConnectCallback
    /// lets each request carry its own connect timeout while all requests share one pool.
    /// </summary>
    private static HttpMessageHandler? TryCreateSocketsHandler()
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
            : RequestPolicy.Default.ConnectTimeout;

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
