namespace GptTrainer.Api;

/// <summary>
/// Base of the per-resource API classes: each call names its endpoint, body and how its answer is read,
/// and sends through the one client every call shares.
/// </summary>
internal abstract class ResourceApi
{
    private protected ResourceApi(ApiClient client) => Client = client;

    private protected ApiClient Client { get; }

    private protected Uri Endpoint(string pathFormat, params string[] values) => Client.Endpoint(pathFormat, values);

    private protected async Task<T> CallAsync<T>(ApiRequest request, Func<ApiAnswer, T> read, CancellationToken cancellationToken)
        => read(await Client.CallAsync(request, cancellationToken).ConfigureAwait(false));

    private protected Task<T> GetAsync<T>(Uri uri, Func<ApiAnswer, T> read, CancellationToken cancellationToken)
        => CallAsync(ApiRequest.Get(uri), read, cancellationToken);

    private protected Task<T> PostAsync<T>(Uri uri, object? body, Func<ApiAnswer, T> read, CancellationToken cancellationToken)
        => CallAsync(ApiRequest.Json(HttpMethod.Post, uri, body), read, cancellationToken);

    /// <summary>A change whose answer says only that it worked.</summary>
    private protected Task PostAsync(Uri uri, object? body, CancellationToken cancellationToken)
        => CallAsync(ApiRequest.Json(HttpMethod.Post, uri, body), ExpectSuccess, cancellationToken);

    /// <summary>Some resources are deleted with DELETE (others with POST to a .../delete path).</summary>
    private protected Task SendDeleteAsync(Uri uri, CancellationToken cancellationToken)
        => CallAsync(new ApiRequest(HttpMethod.Delete, uri), ExpectSuccess, cancellationToken);

    /// <summary>The body every bulk endpoint takes.</summary>
    private protected static Dictionary<string, object?> UuidsBody(IReadOnlyList<string> uuids) => new() { ["uuids"] = uuids.ToArray() };

    private static bool ExpectSuccess(ApiAnswer answer)
    {
        answer.ExpectSuccess();
        return true;
    }
}
