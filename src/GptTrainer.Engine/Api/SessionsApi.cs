namespace GptTrainer.Api;

/// <summary>Sessions, and the documents a session's questions can attach.</summary>
internal sealed class SessionsApi(ApiClient client)
    : ResourceApi(client)
{
    /// <summary>The body may be empty; initial variables are a flat object the chatbot's agents can read.</summary>
    public Task<Session> CreateAsync(string chatbotUuid, IDictionary? initialVariables, CancellationToken cancellationToken)
    {
        object? body = initialVariables is null ? null : new Dictionary<string, object?> { ["initial_variables"] = initialVariables };
        return PostAsync(Endpoint("chatbot/{0}/session/create", chatbotUuid), body, a => a.Read(json => Session.FromJson(json, chatbotUuid)), cancellationToken);
    }

    /// <summary>The answer does not name the chatbot; <paramref name="chatbotUuid"/> is carried into the result when known.</summary>
    public Task<Session> GetAsync(string sessionUuid, string? chatbotUuid, CancellationToken cancellationToken)
        => GetAsync(Endpoint("session/{0}", sessionUuid), a => a.Read(json => Session.FromJson(json, chatbotUuid)), cancellationToken);

    /// <summary>Sessions created within the inclusive window, when bounds are given.</summary>
    public Task<List<Session>> ListAsync(string chatbotUuid, DateTime? createdAfter, DateTime? createdBefore, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (createdAfter is DateTime after)
        {
            query.Add("start_timestamp=" + Uri.EscapeDataString(ApiTime(after)));
        }

        if (createdBefore is DateTime before)
        {
            query.Add("end_timestamp=" + Uri.EscapeDataString(ApiTime(before)));
        }

        Uri uri = Endpoint("chatbot/{0}/sessions", chatbotUuid);
        if (query.Count > 0)
        {
            uri = new Uri(uri + "?" + string.Join("&", query));
        }

        return GetAsync(uri, a => a.ReadList("sessions", o => Session.FromJson(o, chatbotUuid)), cancellationToken);
    }

    /// <summary>Removes the session with its messages; the API deletes sessions with POST.</summary>
    public Task DeleteAsync(string sessionUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("session/{0}/delete", sessionUuid), null, cancellationToken);

    /// <summary>
    /// Uploads a file for a session's questions to attach and returns its uuid. Undocumented: the official
    /// Python SDK posts the file part and a "filename" field, and reads "uuid" from the answer.
    /// </summary>
    public Task<string> UploadDocumentAsync(string path, CancellationToken cancellationToken)
    {
        var fields = new[] { ("filename", System.IO.Path.GetFileName(path)) };
        var request = new ApiRequest(HttpMethod.Post, Endpoint("session-document/upload"), MultipartFile.Content(path, fields, Client.Log, "Uploading session document"));
        return CallAsync(request, a => a.Read(json => ModelReader.Uuid(ModelReader.AsObject(json, "a session document"), "the session document")), cancellationToken);
    }

    /// <summary>The filter format the API documents: UTC with milliseconds, YYYY-MM-DDTHH:mm:ss.sssZ.</summary>
    internal static string ApiTime(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
