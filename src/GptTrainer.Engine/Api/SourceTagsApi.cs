namespace GptTrainer.Api;

/// <summary>Source tags: coloured labels grouping a chatbot's data sources.</summary>
internal sealed class SourceTagsApi(ApiClient client)
    : ResourceApi(client)
{
    public Task<List<SourceTag>> ListAsync(string chatbotUuid, CancellationToken cancellationToken)
        => GetAsync(Endpoint("chatbot/{0}/source-tags", chatbotUuid), a => a.ReadList("source tags", o => SourceTag.FromJson(o, chatbotUuid)), cancellationToken);

    public Task<SourceTag> CreateAsync(string chatbotUuid, string name, string color, IReadOnlyList<string>? dataSourceUuids, CancellationToken cancellationToken)
        => PostAsync(Endpoint("chatbot/{0}/source-tag/create", chatbotUuid), Body(name, color, dataSourceUuids), a => a.Read(json => SourceTag.FromJson(json, chatbotUuid)), cancellationToken);

    /// <summary>Sends only what is given; the member list, when given, replaces the tag's whole list.</summary>
    public Task<SourceTag> UpdateAsync(string tagUuid, string? name, string? color, IReadOnlyList<string>? dataSourceUuids, string? chatbotUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("source-tag/{0}/update", tagUuid), Body(name, color, dataSourceUuids), a => a.Read(json => SourceTag.FromJson(json, chatbotUuid)), cancellationToken);

    /// <summary>The API deletes tags with DELETE; the tagged sources stay.</summary>
    public Task DeleteAsync(string tagUuid, CancellationToken cancellationToken)
        => SendDeleteAsync(Endpoint("source-tag/{0}/delete", tagUuid), cancellationToken);

    private static Dictionary<string, object?> Body(string? name, string? color, IReadOnlyList<string>? dataSourceUuids)
    {
        var body = new Dictionary<string, object?>();
        if (name is not null) body["name"] = name;
        if (color is not null) body["color"] = color;
        if (dataSourceUuids is not null) body["data_source_uuids"] = dataSourceUuids;
        return body;
    }
}
