namespace GptTrainer.Http;

/// <summary>
/// How the API layer talks to the service: one call whose answer is read whole, and one whose answer is
/// streamed piece by piece. It knows no endpoint; <see cref="Api.GptTrainerApi"/> does.
/// </summary>
internal sealed class ApiClient(ConnectionSettings connection, RequestPolicy policy, IApiLog log)
{
    public ConnectionSettings Connection { get; } = connection;

    public RequestPolicy Policy { get; } = policy;

    public IApiLog Log { get; } = log;

    /// <summary>
    /// For commands that send several requests at once: Windows PowerShell's HTTP stack opens only two
    /// connections to a host unless told otherwise, which would quietly cap them at two. PowerShell 7's has
    /// no such cap and ignores this. Through a proxy the cap is the proxy's, so that is the one raised.
    /// </summary>
    public void AllowParallelRequests(int count)
    {
        NetworkOptions network = Connection.Network;
        System.Net.IWebProxy? proxy = network.NoProxy ? null : network.CreateProxy() ?? System.Net.WebRequest.DefaultWebProxy;
        System.Net.ServicePoint point = System.Net.ServicePointManager.FindServicePoint(Connection.ApiRoot, proxy);
        if (point.ConnectionLimit < count)
        {
            point.ConnectionLimit = count;
        }
    }

    /// <summary>A path relative to the API root (/api/v1/), with each value escaped into its segment.</summary>
    public Uri Endpoint(string pathFormat, params string[] values)
    {
        object[] escaped = Array.ConvertAll(values, v => (object)Uri.EscapeDataString(v));
        return new Uri(Connection.ApiRoot, string.Format(CultureInfo.InvariantCulture, pathFormat, escaped));
    }

    /// <summary>Sends a request and reads its whole answer within the attempt, so a dropped read can be retried.</summary>
    public async Task<ApiAnswer> CallAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using ApiResponse response = await ApiTransport.SendAsync(Connection, Policy, request, readWholeBody: true, Log, cancellationToken).ConfigureAwait(false);
        Log.Succeeded(request.Method);
        return new ApiAnswer(
            response.StatusCode,
            response.BufferedText ?? string.Empty,
            response.Message.Content?.Headers.ContentType?.MediaType,
            request.Display);
    }

    /// <summary>Sends a request and returns once the answer's headers are in; the body is then read piece by piece.</summary>
    public async Task<ReplyReader> StreamAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ApiResponse response = await ApiTransport.SendAsync(Connection, Policy, request, readWholeBody: false, Log, cancellationToken).ConfigureAwait(false);
        try
        {
            Log.Succeeded(request.Method);
            return await ReplyReader.OpenAsync(response).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
