namespace GptTrainer.Api;

/// <summary>The models agents can use and their credit costs: two undocumented endpoints the Python SDK reads, given here as one list.</summary>
internal sealed class ModelsApi(ApiClient client)
    : ResourceApi(client)
{
    public async Task<List<ModelInfo>> ListAsync(CancellationToken cancellationToken)
    {
        Task<string[]> modelsTask = GetAsync(Endpoint("agent/models"), a => a.Read(json => ModelReader.AsObject(json, "the model list").GetStringArray("models")), cancellationToken);
        Task<JsonObject?> costsTask = GetAsync(Endpoint("agent/model-costs"), a => a.Read(json => ModelReader.AsObject(json, "the model costs").GetObject("model_costs")), cancellationToken);
        string[] selectable = await modelsTask.ConfigureAwait(false);
        JsonObject costMap = await costsTask.ConfigureAwait(false) ?? new JsonObject();
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
