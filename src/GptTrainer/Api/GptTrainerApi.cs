namespace GptTrainer.Api;

/// <summary>
/// The GPT-trainer REST API as typed calls, grouped by resource. This folder is the only code that knows an
/// endpoint's method, path, body fields and answer shape; cmdlets and completers call it and nothing else.
/// </summary>
internal sealed class GptTrainerApi
{
    public GptTrainerApi(ApiClient client)
    {
        Client = client;
        Chatbots = new ChatbotsApi(client);
        Agents = new AgentsApi(client);
        Sessions = new SessionsApi(client);
        Messages = new MessagesApi(client);
        DataSources = new DataSourcesApi(client);
        SourceTags = new SourceTagsApi(client);
        Models = new ModelsApi(client);
        Raw = new RawApi(client);
    }

    public ApiClient Client { get; }

    public ChatbotsApi Chatbots { get; }

    public AgentsApi Agents { get; }

    public SessionsApi Sessions { get; }

    public MessagesApi Messages { get; }

    public DataSourcesApi DataSources { get; }

    public SourceTagsApi SourceTags { get; }

    public ModelsApi Models { get; }

    /// <summary>Any endpoint, named by the caller: the escape hatch behind Invoke-GptTrainerApi.</summary>
    public RawApi Raw { get; }
}
