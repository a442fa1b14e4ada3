namespace GptTrainer.Api;

/// <summary>Chatbots: settings travel flat in requests and come back nested under "meta".</summary>
internal sealed class ChatbotsApi(ApiClient client)
    : ResourceApi(client)
{
    // What the service is assumed to use when a half of the rate limit is unknown (its defaults are
    // undocumented), and what New-GptTrainerChatbot sends unless told otherwise.
    internal const int DefaultRateLimitMessages = 20;
    internal const int DefaultRateLimitSeconds = 240;

    public Task<List<Chatbot>> ListAsync(CancellationToken cancellationToken)
        => GetAsync(Endpoint("chatbots"), a => a.ReadList("chatbots", Chatbot.FromJson), cancellationToken);

    public Task<Chatbot> GetAsync(string uuid, CancellationToken cancellationToken)
        => GetAsync(Endpoint("chatbot/{0}", uuid), a => a.Read(Chatbot.FromJson), cancellationToken);

    /// <summary>The service's defaults are undocumented, so a create sends every setting it is given.</summary>
    public Task<Chatbot> CreateAsync(ChatbotSettings settings, CancellationToken cancellationToken)
        => PostAsync(Endpoint("chatbot/create"), Body(settings, settings.RateLimitMessages, settings.RateLimitSeconds), a => a.Read(Chatbot.FromJson), cancellationToken);

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

        return await PostAsync(Endpoint("chatbot/{0}/update", uuid), Body(changes, messages, seconds), a => a.Read(Chatbot.FromJson), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the chatbot with its agents, sessions, messages, sources and tags; the API deletes chatbots with DELETE.</summary>
    public Task DeleteAsync(string uuid, CancellationToken cancellationToken)
        => SendDeleteAsync(Endpoint("chatbot/{0}/delete", uuid), cancellationToken);

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
