namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's data sources, optionally filtered by title, type, status or uuid.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerDataSource")]
[OutputType(typeof(DataSource))]
public sealed class GetGptTrainerDataSourceCommand : ChatbotScopedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataSourceTitleCompleter))]
    public string[]? Title { get; set; }

    /// <summary>upload, link, qa... (the API's open set).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DataSourceTypeCompleter))]
    public string[]? Type { get; set; }

    /// <summary>await, success, error... (the API's open set).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DataSourceStatusCompleter))]
    public string[]? Status { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid ?? (object?)Title;
        (List<string> chatbots, string[]? titles) = ChatbotsAndNames(Title);
        string[]? wanted = DataSourceUuid is null ? null : UuidList(DataSourceUuid, nameof(DataSourceUuid));
        foreach (string chatbot in chatbots)
        {
            ErrorTarget = chatbot;
            ReportingErrors(() =>
            {
                var sources = Call((api, token) => api.DataSources.ListAsync(chatbot, token))
                    .Where(s => wanted is null || wanted.Contains(s.DataSourceUuid))
                    .Where(s => Type is null || Type.Contains(s.Type, StringComparer.OrdinalIgnoreCase))
                    .Where(s => Status is null || Status.Contains(s.Status, StringComparer.OrdinalIgnoreCase))
                    .ToList();
                WriteObject(NameFilter.Apply(this, sources, titles, s => s.Title, "data source"), enumerateCollection: true);
            });
        }
    }
}
