namespace GptTrainer.Api;

/// <summary>A chatbot's knowledge: uploaded files, web pages and Q&amp;A pairs.</summary>
internal sealed class DataSourcesApi
{
    private const int Conflict = 409;
    private readonly ApiClient _client;

    public DataSourcesApi(ApiClient client) => _client = client;

    public async Task<List<DataSource>> ListAsync(string chatbotUuid, CancellationToken cancellationToken)
    {
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Get(_client.Endpoint("chatbot/{0}/data-sources", chatbotUuid)), cancellationToken).ConfigureAwait(false);
        return answer.ReadList("data sources", o => DataSource.FromJson(o, chatbotUuid));
    }

    /// <summary>
    /// Uploads a file as multipart form data, streamed from disk. The service answers a file it already has
    /// with 409 and, as the Python SDK relies on, the existing source as the body.
    /// </summary>
    public async Task<AddedDataSource> UploadAsync(string chatbotUuid, string path, string? referenceSourceLink, IApiLog progress, CancellationToken cancellationToken)
    {
        var fields = referenceSourceLink is null ? Array.Empty<(string, string)>() : new[] { ("reference_source_link", referenceSourceLink) };
        var request = new ApiRequest(HttpMethod.Post, _client.Endpoint("chatbot/{0}/data-source/upload", chatbotUuid), MultipartFile.Content(path, fields, progress, "Uploading data source"))
        {
            AcceptedStatuses = new[] { Conflict },
        };
        ApiAnswer answer = await _client.CallAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == Conflict)
        {
            return new AddedDataSource(ExistingSource(answer, chatbotUuid), alreadyExisted: true);
        }

        return new AddedDataSource(answer.Read(json => DataSource.FromJson(json, chatbotUuid)), alreadyExisted: false);
    }

    public async Task<DataSource> AddQaAsync(string chatbotUuid, string question, string answerText, string? referenceSourceLink, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["question"] = question, ["answer"] = answerText };
        AddLink(body, referenceSourceLink);
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Json(HttpMethod.Post, _client.Endpoint("chatbot/{0}/data-source/qa", chatbotUuid), body), cancellationToken).ConfigureAwait(false);
        return answer.Read(json => DataSource.FromJson(json, chatbotUuid));
    }

    /// <summary>Adds a web page. A 409's body is not documented for URLs, so the existing source is found by its URL.</summary>
    public async Task<AddedDataSource> AddUrlAsync(string chatbotUuid, string url, string? referenceSourceLink, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["url"] = url };
        AddLink(body, referenceSourceLink);
        var request = ApiRequest.Json(HttpMethod.Post, _client.Endpoint("chatbot/{0}/data-source/url", chatbotUuid), body);
        ApiAnswer answer;
        try
        {
            answer = await _client.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (GptTrainerApiException ex) when (ex.StatusCode == Conflict)
        {
            List<DataSource> sources = await ListAsync(chatbotUuid, cancellationToken).ConfigureAwait(false);
            return new AddedDataSource(sources.FirstOrDefault(s => string.Equals(s.FileName, url, StringComparison.OrdinalIgnoreCase)), alreadyExisted: true);
        }

        return new AddedDataSource(answer.Read(json => DataSource.FromJson(json, chatbotUuid)), alreadyExisted: false);
    }

    /// <summary>Changes a source's title, which is what citations show.</summary>
    public async Task<DataSource> RenameAsync(string sourceUuid, string title, string? chatbotUuid, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["title"] = title };
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Json(HttpMethod.Post, _client.Endpoint("data-source/{0}/update", sourceUuid), body), cancellationToken).ConfigureAwait(false);
        return answer.Read(json => DataSource.FromJson(json, chatbotUuid));
    }

    /// <summary>Fetches web-page sources again.</summary>
    public Task<DataSourceBatchAnswer> ReScrapeAsync(IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
        => BatchAsync(_client.Endpoint("data-sources/url/re-scrape"), sourceUuids, cancellationToken);

    /// <summary>Processes sources again. Undocumented: the Python SDK calls it outside /api/v1, at &lt;base&gt;/api/data-sources/restart.</summary>
    public Task<DataSourceBatchAnswer> RestartAsync(IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
        => BatchAsync(_client.Endpoint("../data-sources/restart"), sourceUuids, cancellationToken);

    /// <summary>The API deletes one source with POST.</summary>
    public async Task DeleteAsync(string sourceUuid, CancellationToken cancellationToken)
        => (await _client.CallAsync(ApiRequest.Json(HttpMethod.Post, _client.Endpoint("data-source/{0}/delete", sourceUuid), null), cancellationToken).ConfigureAwait(false)).ExpectSuccess();

    public async Task DeleteManyAsync(IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
        => (await _client.CallAsync(ApiRequest.Json(HttpMethod.Post, _client.Endpoint("data-sources/delete"), UuidsBody(sourceUuids)), cancellationToken).ConfigureAwait(false)).ExpectSuccess();

    private async Task<DataSourceBatchAnswer> BatchAsync(Uri uri, IReadOnlyList<string> sourceUuids, CancellationToken cancellationToken)
    {
        ApiAnswer answer = await _client.CallAsync(ApiRequest.Json(HttpMethod.Post, uri, UuidsBody(sourceUuids)), cancellationToken).ConfigureAwait(false);
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

    private static Dictionary<string, object?> UuidsBody(IReadOnlyList<string> uuids) => new() { ["uuids"] = uuids.ToArray() };

    private static void AddLink(Dictionary<string, object?> body, string? referenceSourceLink)
    {
        if (referenceSourceLink is not null)
        {
            body["reference_source_link"] = referenceSourceLink;
        }
    }
}
