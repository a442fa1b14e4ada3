namespace GptTrainer.Http;

/// <summary>
/// What to send, kept as a recipe rather than an HttpRequestMessage because a retry or a redirect needs a
/// fresh message (and fresh content) each time.
/// </summary>
internal sealed class ApiRequest(HttpMethod method, Uri uri, Func<HttpContent>? contentFactory = null)
{
    public HttpMethod Method { get; } = method;

    public Uri Uri { get; } = uri;

    public Func<HttpContent>? ContentFactory { get; } = contentFactory;

    public string Accept { get; init; } = "application/json";

    /// <summary>Statuses besides 2xx that the caller handles itself (the upload's 409 "already exists").</summary>
    public int[] AcceptedStatuses { get; init; } = Array.Empty<int>();

    /// <summary>How the request appears in messages: method and path, never headers.</summary>
    public string Display => $"{Method.Method} {Uri.AbsolutePath}";

    public static ApiRequest Get(Uri uri) => new(HttpMethod.Get, uri);

    /// <summary>A request whose body is <paramref name="body"/> as JSON; no body at all when it is null.</summary>
    public static ApiRequest Json(HttpMethod method, Uri uri, object? body)
    {
        if (body is null)
        {
            return new ApiRequest(method, uri);
        }

        string json = JsonWriter.Serialize(body);
        return new ApiRequest(method, uri, () => new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
