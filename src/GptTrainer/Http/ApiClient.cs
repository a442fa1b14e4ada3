using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GptTrainer.Json;
using GptTrainer.State;

namespace GptTrainer.Http;

/// <summary>The calls cmdlets make: JSON in, JSON out, or a streamed reply.</summary>
internal sealed class ApiClient
{
    public ApiClient(ConnectionSettings connection, RequestPolicy policy, IApiLog log)
    {
        Connection = connection;
        Policy = policy;
        Log = log;
    }

    public ConnectionSettings Connection { get; }

    public RequestPolicy Policy { get; }

    public IApiLog Log { get; }

    /// <summary>An endpoint under /api/v1/, with each value escaped into its path segment.</summary>
    public Uri UriFor(string pathFormat, params string[] values)
    {
        object[] escaped = Array.ConvertAll(values, v => (object)Uri.EscapeDataString(v));
        return new Uri(Connection.ApiRoot, string.Format(CultureInfo.InvariantCulture, pathFormat, escaped));
    }

    public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        => ApiTransport.SendAsync(Connection, Policy, request, Log, cancellationToken);

    /// <summary>Sends a JSON request and returns the parsed JSON answer (an object, an array or a value).</summary>
    public async Task<object?> SendJsonAsync(ApiRequest request, CancellationToken cancellationToken)
        => (await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false)).Json;

    /// <summary>Like <see cref="SendJsonAsync"/>, with the status, for requests that accept more than 2xx.</summary>
    public async Task<(int Status, object? Json)> SendForJsonAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using ApiResponse response = await SendAsync(request.Buffered(), cancellationToken).ConfigureAwait(false);
        string text = response.BufferedText ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return (response.StatusCode, null);
        }

        try
        {
            return (response.StatusCode, JsonReader.Parse(text));
        }
        catch (FormatException ex)
        {
            throw new GptTrainerApiException(
                response.StatusCode,
                response.Message.ReasonPhrase ?? string.Empty,
                request.Method.Method,
                request.Uri.AbsolutePath,
                "the answer was not the JSON expected: " + ex.Message + " Body starts: " + ServerMessage.From(text))
            {
                ResponseBody = text,
            };
        }
    }

    public Task<object?> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
        => SendJsonAsync(new ApiRequest(HttpMethod.Get, uri), cancellationToken);

    public Task<object?> PostJsonAsync(Uri uri, object? body, CancellationToken cancellationToken)
        => SendJsonAsync(ApiRequest.Json(HttpMethod.Post, uri, body), cancellationToken);

    /// <summary>Posts a question and returns once the reply's headers are in; the body is then read piece by piece.</summary>
    public async Task<ReplyReader> OpenReplyAsync(Uri uri, object body, CancellationToken cancellationToken)
    {
        ApiRequest request = ApiRequest.Json(HttpMethod.Post, uri, body);
        ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReplyReader.OpenAsync(response).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
