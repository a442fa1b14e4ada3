namespace GptTrainer.Api;

/// <summary>The models agents can use and their credit costs: two undocumented endpoints the Python SDK reads, given here as one list.</summary>
internal sealed class ModelsApi
{
    private readonly ApiClient _client;

    public ModelsApi(ApiClient client) => _client = client;

    public async Task<List<ModelInfo>> ListAsync(CancellationToken cancellationToken)
    {
        Task<ApiAnswer> modelsTask = _client.CallAsync(ApiRequest.Get(_client.Endpoint("agent/models")), cancellationToken);
        Task<ApiAnswer> costsTask = _client.CallAsync(ApiRequest.Get(_client.Endpoint("agent/model-costs")), cancellationToken);
        ApiAnswer models = await modelsTask.ConfigureAwait(false);
        ApiAnswer costs = await costsTask.ConfigureAwait(false);

        string[] selectable = models.Read(json => ModelReader.AsObject(json, "the model list").GetStringArray("models"));
        JsonObject costMap = costs.Read(json => ModelReader.AsObject(json, "the model costs").GetObject("model_costs")) ?? new JsonObject();
        var result = new List<ModelInfo>();
        foreach (string model in selectable)
        {
            result.Add(new ModelInfo { Model = model, Selectable = true, CreditsPerMessage = costMap.GetInt64(model) });
        }

        foreach (KeyValuePair<string, object?> cost in costMap)
        {
            if (Array.IndexOf(selectable, cost.Key) < 0)
            {
                result.Add(new ModelInfo { Model = cost.Key, Selectable = false, CreditsPerMessage = JsonConvert.AsInt64(cost.Value, "model_costs." + cost.Key) });
            }
        }

        return result;
    }
}
