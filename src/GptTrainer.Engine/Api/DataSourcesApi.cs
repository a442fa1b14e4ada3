namespace GptTrainer.Api;

/// <summary>A chatbot's knowledge: uploaded files, web pages and Q&amp;A pairs.</summary>
internal sealed class DataSourcesApi(ApiClient client)
    : ResourceApi(client)
{
    private const int Conflict = 409;

    public Task<List<DataSource>> ListAsync(string chatbotUuid, CancellationToken cancellationToken)
        => GetAsync(Endpoint("chatbot/{0}/data-sources", chatbotUuid), a => a.ReadList("data sources", o => DataSource.FromJson(o, chatbotUuid)), cancellationToken);

    /// <summary>
    /// Uploads a file as multipart form data, streamed from disk. The service answers a file it already has
    /// with 409 and, as the Python SDK relies on, the existing source as the body. <paramref name="fileName"/>,
    /// when given, is the name the service stores instead of the file's own.
    /// </summary>
    public Task<AddedDataSource> UploadAsync(string chatbotUuid, string path, string? referenceSourceLink, CancellationToken cancellationToken, string? fileName = null)
    {
        var fields = referenceSourceLink is null ? Array.Empty<(string, string)>() : new[] { ("reference_source_link", referenceSourceLink) };
        var request = new ApiRequest(HttpMethod.Post, Endpoint("chatbot/{0}/data-source/upload", chatbotUuid), MultipartFile.Content(path, fields, Client.Log, "Uploading data source", fileName))
        {
            AcceptedStatuses = new[] { Conflict },
        };
        return CallAsync(
            request,
            a => a.StatusCode == Conflict
                ? new AddedDataSource(ExistingSource(a, chatbotUuid), alreadyExisted: true)
                : new AddedDataSource(a.Read(json => DataSource.FromJson(json, chatbotUuid)), alreadyExisted: false),
            cancellationToken);
    }

    public Task<DataSource> AddQaAsync(string chatbotUuid, string question, string answerText, string? referenceSourceLink, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["question"] = question, ["answer"] = answerText };
        AddLink(body, referenceSourceLink);
        return PostAsync(Endpoint("chatbot/{0}/data-source/qa", chatbotUuid), body, a => a.Read(json => DataSource.FromJson(json, chatbotUuid)), cancellationToken);
    }

    /// <summary>Adds a web page. A 409's body is not documented for URLs, so the existing source is found by its URL.</summary>
    public async Task<AddedDataSource> AddUrlAsync(string chatbotUuid, string url, string? referenceSourceLink, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["url"] = url };
        AddLink(body, referenceSourceLink);
        try
        {
            return await PostAsync(Endpoint("chatbot/{0}/data-source/url", chatbotUuid), body, a => new AddedDataSource(a.Read(json => DataSource.FromJson(json, chatbotUuid)), alreadyExisted: false), cancellationToken).ConfigureAwait(false);
        }
        catch (GptTrainerApiException ex) when (ex.StatusCode == Conflict)
        {
            List<DataSource> sources = await ListAsync(chatbotUuid, cancellationToken).ConfigureAwait(false);
            return new AddedDataSource(sources.FirstOrDefault(s => string.Equals(s.FileName, url, StringComparison.OrdinalIgnoreCase)), alreadyExisted: true);
        }
    }

    /// <summary>Changes a source's title, which is what citations show.</summary>
    public Task<DataSource> RenameAsync(string sourceUuid, string title, string? chatbotUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("data-source/{0}/update", sourceUuid), new Dictionary<string, object?> { ["title"] = title }, a => a.Read(json => DataSource.FromJson(json, chatbotUuid)), cancellationToken);

    /// <summary>Fetches web-page sources again.</summary>
    public Task<DataSourceBatchAnswer> ReScrapeAsync(IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
        => PostAsync(Endpoint("data-sources/url/re-scrape"), UuidsBody(sourceUuids), BatchAnswer, cancellationToken);

    /// <summary>Processes sources again. Undocumented: the Python SDK calls it outside /api/v1, at &lt;base&gt;/api/data-sources/restart.</summary>
    public Task<DataSourceBatchAnswer> RestartAsync(IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
        => PostAsync(Endpoint("../data-sources/restart"), UuidsBody(sourceUuids), BatchAnswer, cancellationToken);

    /// <summary>The API deletes one source with POST.</summary>
    public Task DeleteAsync(string sourceUuid, CancellationToken cancellationToken)
        => PostAsync(Endpoint("data-source/{0}/delete", sourceUuid), null, cancellationToken);

    public Task DeleteManyAsync(IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
        => PostAsync(Endpoint("data-sources/delete"), UuidsBody(sourceUuids), cancellationToken);

    private static DataSourceBatchAnswer BatchAnswer(ApiAnswer answer)
    {
        if (answer.IsEmpty || answer.Json() is not List<object?>)
        {
            return new DataSourceBatchAnswer(null, answer.Text);
        }

        return new DataSourceBatchAnswer(answer.ReadList("results", DataSourceOperationResult.FromJson), answer.Text);
    }

    /// <summary>The source a 409 names in its body, or null when its body is anything else.</summary>
    private static DataSource? ExistingSource(ApiAnswer answer, string chatbotUuid)
    {
        try
        {
            return answer.Json() is Json.JsonObject ? answer.Read(json => DataSource.FromJson(json, chatbotUuid)) : null;
        }
        catch (GptTrainerUnexpectedAnswerException)
        {
            return null;
        }
    }

    private static void AddLink(Dictionary<string, object?> body, string? referenceSourceLink)
    {
        if (referenceSourceLink is not null)
        {
            body["reference_source_link"] = referenceSourceLink;
        }
    }
}
