namespace GptTrainer.Api;

/// <summary>
/// Messages: a question and its reply, stored together. The streamed reply is plain text; its uuid, finish
/// reason and citations exist only in the stored message, which the message list returns afterwards.
/// </summary>
internal sealed class MessagesApi(ApiClient client)
    : ResourceApi(client)
{
    /// <summary>Asks a question; the reply is read piece by piece from the returned reader.</summary>
    public Task<ReplyReader> StreamAsync(string sessionUuid, string query, CancellationToken cancellationToken)
        => Client.StreamAsync(ApiRequest.Json(HttpMethod.Post, Endpoint("session/{0}/message/stream", sessionUuid), new Dictionary<string, object?> { ["query"] = query }), cancellationToken);

    /// <summary>
    /// Asks a question and returns the whole reply once written. Undocumented endpoint the official Python SDK
    /// uses; it is also the only one known to take session documents.
    /// </summary>
    public Task<string> SendAsync(string sessionUuid, string query, IReadOnlyList<string>? documentUuids, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["query"] = query };
        if (documentUuids is not null)
        {
            body["session_document_uuids"] = documentUuids;
        }

        return PostAsync(
            Endpoint("session/{0}/message/non-stream", sessionUuid),
            body,
            a => a.Read(json => ModelReader.AsObject(json, "a reply").GetString("response")) ?? throw a.Unexpected("the answer has no \"response\" field"),
            cancellationToken);
    }

    /// <summary>
    /// The stored messages, oldest first by creation time. The reference promises no order, so it is made
    /// here, once, for every reader (a stable sort: messages without a time keep the service's order).
    /// </summary>
    public Task<List<Message>> ListAsync(string sessionUuid, CancellationToken cancellationToken)
        => GetAsync(
            Endpoint("session/{0}/messages", sessionUuid),
            a => a.ReadList("messages", o => Message.FromJson(o, sessionUuid)).OrderBy(m => m.CreatedAt ?? DateTime.MinValue).ToList(),
            cancellationToken);

    /// <summary>
    /// The stored message a streamed reply became: the newest in the session's list with that query, or null
    /// while the service lists none yet. The stream carries only text, so this is where a reply's uuid, finish
    /// reason and citations come from.
    /// </summary>
    public async Task<Message?> FindStoredAsync(string sessionUuid, string query, CancellationToken cancellationToken)
        => (await ListAsync(sessionUuid, cancellationToken).ConfigureAwait(false)).LastOrDefault(m => m.Query == query);

    /// <summary>
    /// The whole conversation as text. The body's shape is undocumented: plain text is expected, a JSON string
    /// or a {"transcript": ...} object is unwrapped, and any other JSON comes back as PowerShell objects.
    /// </summary>
    public Task<object?> TranscriptAsync(string sessionUuid, CancellationToken cancellationToken)
        => CallAsync(new ApiRequest(HttpMethod.Get, Endpoint("session/{0}/messages/plain-text", sessionUuid)) { Accept = "text/plain, application/json" }, Transcript, cancellationToken);

    private static object? Transcript(ApiAnswer answer)
    {
        string text = answer.Text;
        string start = text.TrimStart();
        object? parsed = start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("\"", StringComparison.Ordinal) ? JsonConvert.ParseEmbedded(text) : null;
        return parsed switch
        {
            string transcript => transcript,
            JsonObject json when json.GetString("transcript") is string transcript => transcript,
            null => text,
            _ => ModelReader.FreeForm(parsed),
        };
    }

    /// <summary>The API deletes one message with POST.</summary>
    public Task DeleteAsync(string messageUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("message/{0}/delete", messageUuid), null, cancellationToken);

    /// <summary>Deletes several messages in one request.</summary>
    public Task DeleteManyAsync(IReadOnlyList<string> messageUuids, CancellationToken cancellationToken)
        => PostAsync(Endpoint("messages/delete"), UuidsBody(messageUuids), cancellationToken);
}
