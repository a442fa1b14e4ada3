using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>The model catalogue the agent routes validate against; undocumented, as the Python SDK calls it.</summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Models".</remarks>
public static class ModelsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/agent/models", () => Json(new JsonObject { ["models"] = new JsonArray(ModelCatalogue.Names.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()) }));
        v1.MapGet("/agent/model-costs", () =>
        {
            var costs = new JsonObject();
            foreach (var pair in ModelCatalogue.Costs) costs[pair.Key] = pair.Value;
            return Json(new JsonObject { ["model_costs"] = costs });
        });
    }
}
