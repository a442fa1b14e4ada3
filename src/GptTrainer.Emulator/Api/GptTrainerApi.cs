namespace GptTrainer.Emulator;

/// <summary>
/// The GPT-trainer REST API as docs/gpt-trainer-api.md describes it, quirks included. One route group
/// per resource, named like the module's own API layer, so that the client and the emulator of a
/// resource can be read side by side.
/// </summary>
public static class GptTrainerApi
{
    public static void Map(WebApplication app, Store store, Control control)
    {
        RouteGroupBuilder api = app.MapGroup("/api");
        RouteGroupBuilder v1 = api.MapGroup("/v1");
        ChatbotsApi.Map(v1, store);
        AgentsApi.Map(v1, store);
        ModelsApi.Map(v1);
        SessionsApi.Map(v1, store);
        MessagesApi.Map(v1, store, control);
        DataSourcesApi.Map(v1, api, store);
        SourceTagsApi.Map(v1, store);
    }
}
