using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;

namespace GptTrainer.Http;

/// <summary>
/// Sends one logical request: applies the key, follows redirects without leaking the key, retries what is
/// safe to retry, and turns every failure into a <see cref="GptTrainerException"/>.
/// </summary>
internal static class ApiTransport
{
    private const int MaxRedirects = 5;
    private const int ErrorBodyLimit = 64 * 1024;
    private static readonly string UserAgent = "GptTrainer-PowerShell/" + typeof(ApiTransport).Assembly.GetName().Version?.ToString(3);

    [ThreadStatic]
    private static Random? _random;

    private static Random Random => _random ??= new Random(Guid.NewGuid().GetHashCode());

    /// <param name="readWholeBody">
    /// Read the whole answer within each attempt (JSON calls), so that a GET cut short by a dropped connection is
    /// retried; a streamed reply is read by its caller instead.
    /// </param>
    public static async Task<ApiResponse> SendAsync(
        ConnectionSettings connection,
        RequestPolicy policy,
        ApiRequest request,
        bool readWholeBody,
        IApiLog log,
        CancellationToken cancellationToken)
    {
        SecretRedactor redactor = connection.CreateRedactor();
        var elapsed = Stopwatch.StartNew();
        int progressId = ProgressActivityIds.Next();
        int attempt = 0;
        while (true)
        {
            attempt++;
            int attempts = policy.MaximumRetryCount + 1;
            TimeSpan wait;
            string reason;
            try
            {
                ApiResponse response = await SendOnceAsync(connection, policy, request, log, redactor, cancellationToken).ConfigureAwait(false);
                int status = response.StatusCode;
                if ((status >= 200 && status < 300) || Array.IndexOf(request.AcceptedStatuses, status) >= 0)
                {
                    if (readWholeBody)
                    {
                        await BufferAsync(response).ConfigureAwait(false);
                    }

                    return response;
                }

                if (status == 407)
                {
                    // The proxy's answer, not the service's: it would read as "GPT-trainer answered 407".
                    response.Dispose();
                    throw new GptTrainerProxyAuthenticationException(ProxyName(connection), ProxyCredentialGiven(connection));
                }

                GptTrainerApiException failure;
                using (response)
                {
                    failure = await ToApiExceptionAsync(response).ConfigureAwait(false);
                }

                if (attempt >= attempts || !RetryRules.IsRetryableStatus(request.Method, status))
                {
                    throw failure;
                }

                if (failure.RetryAfter is TimeSpan asked)
                {
                    if (asked > policy.MaximumRetryDelay)
                    {
                        throw new GptTrainerApiException(
                            failure.StatusCode, failure.ReasonPhrase, failure.Method, failure.Path, failure.ServerMessage, failure.RetryAfter,
                            $"(it asked to wait {Wait(asked)} before retrying, longer than the -MaximumRetryDelaySec limit of {policy.MaximumRetryDelay.TotalSeconds:0.#} s)")
                        {
                            ResponseBody = failure.ResponseBody,
                        };
                    }

                    wait = asked;
                    reason = $"{status} ({failure.ReasonPhrase}); Retry-After asked for {asked.TotalSeconds:0.###} s";
                }
                else
                {
                    wait = RetryRules.Backoff(attempt, policy.FirstRetryDelay, policy.MaximumRetryDelay, Random);
                    reason = $"{status} ({failure.ReasonPhrase})";
                }
            }
            catch (Exception failure) when (failure is GptTrainerConnectionException or ReplyCutOffException
                && attempt < attempts && RetryRules.IsRetryableAfterConnectionFailure(request.Method))
            {
                wait = RetryRules.Backoff(attempt, policy.FirstRetryDelay, policy.MaximumRetryDelay, Random);
                reason = "a connection failure (" + failure.InnerException?.GetBaseException().Message + ")";
            }
            catch (GptTrainerConnectionException failure)
            {
                throw new GptTrainerConnectionException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} Tried {1} over {2:0.0} s. Check that the base URI {3} is right (Connect-GptTrainer -BaseUri){4} and that the service is reachable from here.",
                        DisplayText.Sentence(failure.Message),
                        attempt == 1 ? "once" : attempt + " times",
                        elapsed.Elapsed.TotalSeconds,
                        connection.BaseUri,
                        connection.Network.ProxyFor(connection.ApiRoot) is Uri proxy ? $", that the proxy {proxy} is right ({(connection.Network.Proxy is null ? "from the system's settings; Connect-GptTrainer -Proxy or -NoProxy choose otherwise" : "Connect-GptTrainer -Proxy")})," : string.Empty),
                    failure.InnerException);
            }

            log.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "{0}: attempt {1} of {2} got {3}; waiting {4:0.0##} s before the next attempt.",
                request.Display, attempt, attempts, reason, wait.TotalSeconds));

            // Without -Verbose a wait of seconds would otherwise look like a hang.
            var progress = new ProgressReport(progressId, $"Retrying {request.Display}", $"Attempt {attempt} of {attempts} got {reason}; attempt {attempt + 1} in {wait.TotalSeconds:0.0} s.");
            log.Progress(progress);
            try
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                log.Progress(progress with { Status = "Retrying.", Completed = true });
            }
        }
    }

    /// <summary>Reads a buffered body inside the attempt, so that a read a dropped connection cut short can be retried.</summary>
    private static async Task BufferAsync(ApiResponse response)
    {
        try
        {
            response.BufferedText = await response.ReadTextAsync(response.Policy.MaximumResponseSize, cutAtLimit: false).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<ApiResponse> SendOnceAsync(
        ConnectionSettings connection,
        RequestPolicy policy,
        ApiRequest request,
        IApiLog log,
        SecretRedactor redactor,
        CancellationToken cancellationToken)
    {
        HttpMethod method = request.Method;
        Uri target = request.Uri;
        bool sendBody = true;
        for (int hop = 0; ; hop++)
        {
            using var message = new HttpRequestMessage(method, target);
            message.Headers.UserAgent.ParseAdd(UserAgent);
            message.Headers.Accept.ParseAdd(request.Accept);
            message.Properties[SharedHttpClient.ConnectTimeoutProperty] = policy.ConnectTimeout;
            SharedHttpClient.AmbientConnectTimeout.Value = policy.ConnectTimeout;

            // The key goes only to the origin the caller connected to, never to a host a redirect names.
            bool sameOrigin = IsSameOrigin(target, connection.ApiRoot);
            if (sameOrigin)
            {
                message.Headers.TryAddWithoutValidation("Authorization", connection.BearerValue());
            }

            if (sendBody && request.ContentFactory is not null)
            {
                message.Content = BuildContent(request);
            }

            log.Verbose($"{method.Method} {Shown(target.ToString(), redactor)}" + (sameOrigin ? string.Empty : " (without the API key: another host)"));
            var idle = new IdleTimer(policy.IdleTimeout, cancellationToken);
            long sentAt = Stopwatch.GetTimestamp();
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await SharedHttpClient.For(connection.Network)
                    .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, idle.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                idle.Dispose();
                throw TranslateSendFailure(ex, idle, cancellationToken, connection, request, target);
            }

            log.Debug(string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} {3} after {4} ms", method.Method, target.AbsolutePath, (int)response.StatusCode, Shown(response.ReasonPhrase, redactor), watch.ElapsedMilliseconds));

            Uri? location = RedirectTarget(response, target);
            if (location is null)
            {
                return new ApiResponse(response, idle, request, policy, redactor) { SentAt = sentAt };
            }

            response.Dispose();
            idle.Dispose();
            if (hop >= MaxRedirects)
            {
                throw new GptTrainerTooManyRedirectsException(request.Display, hop + 1, Shown(location.OriginalString, redactor));
            }

            int status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 && method != HttpMethod.Get && method != HttpMethod.Head)
            {
                method = HttpMethod.Get;
                sendBody = false;
            }

            log.Verbose($"{status} redirect to {Shown(location.OriginalString, redactor)}");
            target = location;
        }
    }

    /// <summary>
    /// The request's body, made afresh for this attempt. What goes wrong making it is the caller's input, not
    /// the service's doing: one error of the module's own for that one request, not a raw .NET exception
    /// that would end the whole pipeline.
    /// </summary>
    private static HttpContent BuildContent(ApiRequest request)
    {
        try
        {
            return request.ContentFactory!();
        }
        catch (Exception ex) when (ex is not (GptTrainerException or OperationCanceledException))
        {
            throw new GptTrainerRequestNotBuiltException(request.Display, ex);
        }
    }

    private static string Wait(TimeSpan asked)
        => asked == TimeSpan.MaxValue ? "longer than any limit" : asked.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    /// <summary>Server-supplied text as it may be shown: without the key and without control characters.</summary>
    internal static string Shown(string? text, SecretRedactor redactor) => DisplayText.Safe(redactor.Redact(text ?? string.Empty));

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri current)
    {
        int status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null)
        {
            return null;
        }

        Uri location = response.Headers.Location;
        return location.IsAbsoluteUri ? location : new Uri(current, location);
    }

    internal static bool IsSameOrigin(Uri a, Uri b)
        => string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static Exception TranslateSendFailure(Exception ex, IdleTimer idle, CancellationToken cancellationToken, ConnectionSettings connection, ApiRequest request, Uri target)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cancellationToken);
        }

        if (FindInner<GptTrainerTimeoutException>(ex) is GptTrainerTimeoutException connectTimeout)
        {
            return connectTimeout;
        }

        if (idle.Fired)
        {
            return new GptTrainerTimeoutException(
                GptTrainerTimeoutException.IdleTimeoutName,
                "IdleTimeoutSec",
                idle.Limit,
                $"{request.Display} got no response headers in time",
                ex);
        }

        if (CertificateFailure(ex) is string reason)
        {
            return new GptTrainerCertificateException(target.GetLeftPart(UriPartial.Authority), reason, ex);
        }

        if (IsProxyRefusal(ex))
        {
            return new GptTrainerProxyAuthenticationException(ProxyName(connection), ProxyCredentialGiven(connection), ex);
        }

        return new GptTrainerConnectionException(
            $"Could not complete {request.Display} at {target.GetLeftPart(UriPartial.Authority)}: {ex.GetBaseException().Message}",
            ex);
    }

    internal static Exception TranslateBodyFailure(Exception ex, IdleTimer idle, ApiRequest request, long bytesSoFar, long piecesSoFar = -1)
    {
        // Cancelling closes the response to interrupt the read, which then fails like a dropped connection:
        // it is still a cancellation, not a reply cut off.
        if (idle.Cancelled)
        {
            return ex as OperationCanceledException ?? new OperationCanceledException("The request was cancelled.", ex);
        }

        if (idle.Fired)
        {
            return new GptTrainerTimeoutException(
                GptTrainerTimeoutException.IdleTimeoutName,
                "IdleTimeoutSec",
                idle.Limit,
                piecesSoFar >= 0
                    ? $"the reply to {request.Display} stopped arriving after {bytesSoFar} bytes in {piecesSoFar} pieces (those pieces were written)"
                    : $"the response body of {request.Display} stopped arriving after {bytesSoFar} bytes",
                ex);
        }

        if (ex is OperationCanceledException)
        {
            return ex;
        }

        return new ReplyCutOffException(bytesSoFar, Math.Max(0, piecesSoFar), request.Display, ex);
    }

    /// <summary>
    /// Why the server's certificate was refused, or null if the failure was something else. .NET Framework
    /// says so in the WebException's status; .NET, only in the TLS exception's words, which for a refused
    /// certificate always name it ("The remote certificate is invalid ...").
    /// </summary>
    private static string? CertificateFailure(Exception ex)
    {
        AuthenticationException? tls = FindInner<AuthenticationException>(ex);
        if (FindInner<WebException>(ex) is { Status: WebExceptionStatus.TrustFailure } trust)
        {
            return (tls ?? (Exception)trust).Message;
        }

        return tls is not null && tls.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0 ? tls.Message : null;
    }

    /// <summary>
    /// A proxy's 407 that never became a response: the answer to the CONNECT that opens a tunnel to an https
    /// service. .NET carries the status on the HttpRequestException (a property netstandard2.0 lacks), .NET
    /// Framework on the WebException's response.
    /// </summary>
    private static bool IsProxyRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            object? status = ex is HttpRequestException ? ex.GetType().GetProperty("StatusCode")?.GetValue(ex) : null;
            if (status is HttpStatusCode.ProxyAuthenticationRequired
                || ex is WebException { Response: HttpWebResponse { StatusCode: HttpStatusCode.ProxyAuthenticationRequired } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The proxy a refusal came from, as the connection names it, without any credential.</summary>
    private static string ProxyName(ConnectionSettings connection)
        => connection.Network.ProxyFor(connection.ApiRoot)?.ToString() ?? "on the way to the service";

    private static bool ProxyCredentialGiven(ConnectionSettings connection)
        => connection.Network.ProxyCredential is not null || connection.Network.ProxyUseDefaultCredentials;

    private static T? FindInner<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static async Task<GptTrainerApiException> ToApiExceptionAsync(ApiResponse response)
    {
        string body;
        try
        {
            body = await response.ReadTextAsync(ErrorBodyLimit, cutAtLimit: true).ConfigureAwait(false);
        }
        catch (GptTrainerException)
        {
            body = string.Empty;
        }

        HttpResponseMessage message = response.Message;
        return new GptTrainerApiException(
            (int)message.StatusCode,
            Shown(message.ReasonPhrase, response.Redactor),
            response.Request.Method.Method,
            message.RequestMessage?.RequestUri?.AbsolutePath ?? response.Request.Uri.AbsolutePath,
            ServerMessage.From(body),
            RetryRules.ParseRetryAfter(message.Headers, DateTimeOffset.UtcNow))
        {
            ResponseBody = body,
        };
    }
}
