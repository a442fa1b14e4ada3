namespace GptTrainer.Api;

/// <summary>Source tags: coloured labels grouping a chatbot's data sources.</summary>
internal sealed class SourceTagsApi
{
    private readonly ApiClient _client;

    public SourceTagsApi(ApiClient client) => _client = client;

    public async Task<List<SourceTag>> ListAsync(string chatbotUuid, CancellationToken cancellationToken)
    {
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Get(_client.Endpoint("chatbot/{0}/source-tags", chatbotUuid)), cancellationToken).ConfigureAwait(false);
        return answer.ReadList("source tags", o => SourceTag.FromJson(o, chatbotUuid));
    }

    public async Task<SourceTag> CreateAsync(string chatbotUuid, string name, string color, IReadOnlyList<string>? dataSourceUuids, CancellationToken cancellationToken)
    {
        ApiRequest request = ApiRequest.Json(HttpMethod.Post, _client.Endpoint("chatbot/{0}/source-tag/create", chatbotUuid), Body(name, color, dataSourceUuids));
        return (await _client.CallAsync(request, cancellationToken).ConfigureAwait(false)).Read(json => SourceTag.FromJson(json, chatbotUuid));
    }

    /// <summary>Sends only what is given; the member list, when given, replaces the tag's whole list.</summary>
    public async Task<SourceTag> UpdateAsync(string tagUuid, string? name, string? color, IReadOnlyList<string>? dataSourceUuids, string? chatbotUuid, CancellationToken cancellationToken)
    {
        ApiRequest request = ApiRequest.Json(HttpMethod.Post, _client.Endpoint("source-tag/{0}/update", tagUuid), Body(name, color, dataSourceUuids));
        return (await _client.CallAsync(request, cancellationToken).ConfigureAwait(false)).Read(json => SourceTag.FromJson(json, chatbotUuid));
    }

    /// <summary>The API deletes tags with DELETE; the tagged sources stay.</summary>
    public async Task DeleteAsync(string tagUuid, CancellationToken cancellationToken)
        => (await _client.CallAsync(new ApiRequest(HttpMethod.Delete, _client.Endpoint("source-tag/{0}/delete", tagUuid)), cancellationToken).ConfigureAwait(false)).ExpectSuccess();

    private static Dictionary<string, object?> Body(string? name, string? color, IReadOnlyList<string>? dataSourceUuids)
    {
        var body = new Dictionary<string, object?>();
        if (name is not null) body["name"] = name;
        if (color is not null) body["color"] = color;
        if (dataSourceUuids is not null) body["data_source_uuids"] = dataSourceUuids;
        return body;
    }
}
