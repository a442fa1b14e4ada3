namespace GptTrainer.Api;

/// <summary>
/// The GPT-trainer REST API as typed calls, grouped by resource. This folder is the only code that knows an
/// endpoint's method, path, body fields and answer shape; cmdlets and completers call it and nothing else.
/// </summary>
internal sealed class GptTrainerApi(ApiClient client)
{
    public ApiClient Client { get; } = client;

    public ChatbotsApi Chatbots { get; } = new ChatbotsApi(client);

    public AgentsApi Agents { get; } = new AgentsApi(client);

    public SessionsApi Sessions { get; } = new SessionsApi(client);

    public MessagesApi Messages { get; } = new MessagesApi(client);

    public DataSourcesApi DataSources { get; } = new DataSourcesApi(client);

    public SourceTagsApi SourceTags { get; } = new SourceTagsApi(client);

    public ModelsApi Models { get; } = new ModelsApi(client);

    /// <summary>Any endpoint, named by the caller: the escape hatch behind Invoke-GptTrainerApi.</summary>
    public RawApi Raw { get; } = new RawApi(client);
}
