namespace GptTrainer.Api;

/// <summary>Chatbots: settings travel flat in requests and come back nested under "meta".</summary>
internal sealed class ChatbotsApi
{
    // What the service is assumed to use when a half of the rate limit is unknown (its defaults are undocumented).
    private const int DefaultRateLimitMessages = 20;
    private const int DefaultRateLimitSeconds = 240;
    private readonly ApiClient _client;

    public ChatbotsApi(ApiClient client) => _client = client;

    public async Task<List<Chatbot>> ListAsync(CancellationToken cancellationToken)
    {
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Get(_client.Endpoint("chatbots")), cancellationToken).ConfigureAwait(false);
        return answer.ReadList("chatbots", Chatbot.FromJson);
    }

    public async Task<Chatbot> GetAsync(string uuid, CancellationToken cancellationToken)
    {
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Get(_client.Endpoint("chatbot/{0}", uuid)), cancellationToken).ConfigureAwait(false);
        return answer.Read(Chatbot.FromJson);
    }

    /// <summary>The service's defaults are undocumented, so a create sends every setting it is given.</summary>
    public async Task<Chatbot> CreateAsync(ChatbotSettings settings, CancellationToken cancellationToken)
    {
        ApiRequest request = ApiRequest.Json(HttpMethod.Post, _client.Endpoint("chatbot/create"), Body(settings, settings.RateLimitMessages, settings.RateLimitSeconds));
        return (await _client.CallAsync(request, cancellationToken).ConfigureAwait(false)).Read(Chatbot.FromJson);
    }

    /// <summary>
    /// Sends only what is given. The API takes the rate limit as one [messages, seconds] pair, so a half
    /// given alone is completed from the chatbot as it is now.
    /// </summary>
    public async Task<Chatbot> UpdateAsync(string uuid, ChatbotSettings changes, CancellationToken cancellationToken)
    {
        int? messages = changes.RateLimitMessages;
        int? seconds = changes.RateLimitSeconds;
        if (messages is null != seconds is null)
        {
            Chatbot current = await GetAsync(uuid, cancellationToken).ConfigureAwait(false);
            messages ??= current.RateLimitMessages ?? DefaultRateLimitMessages;
            seconds ??= current.RateLimitSeconds ?? DefaultRateLimitSeconds;
        }

        ApiRequest request = ApiRequest.Json(HttpMethod.Post, _client.Endpoint("chatbot/{0}/update", uuid), Body(changes, messages, seconds));
        return (await _client.CallAsync(request, cancellationToken).ConfigureAwait(false)).Read(Chatbot.FromJson);
    }

    /// <summary>Removes the chatbot with its agents, sessions, messages, sources and tags; the API deletes chatbots with DELETE.</summary>
    public async Task DeleteAsync(string uuid, CancellationToken cancellationToken)
        => (await _client.CallAsync(new ApiRequest(HttpMethod.Delete, _client.Endpoint("chatbot/{0}/delete", uuid)), cancellationToken).ConfigureAwait(false)).ExpectSuccess();

    private static Dictionary<string, object?> Body(ChatbotSettings settings, int? messages, int? seconds)
    {
        var body = new Dictionary<string, object?>();
        if (settings.Name is not null) body["name"] = settings.Name;
        if (settings.Visibility is not null) body["visibility"] = settings.Visibility;
        if (messages is int m && seconds is int s) body["rate_limit"] = new[] { m, s };
        if (settings.RateLimitMessage is not null) body["rate_limit_message"] = settings.RateLimitMessage;
        if (settings.ShowCitations is bool show) body["show_citations"] = show;
        return body;
    }
}
