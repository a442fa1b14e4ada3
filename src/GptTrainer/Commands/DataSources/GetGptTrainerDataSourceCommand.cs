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
        => WriteListed(
            Title,
            DataSourceUuid,
            nameof(DataSourceUuid),
            "data source",
            (api, chatbot, token) => api.DataSources.ListAsync(chatbot, token),
            s => s.Title,
            s => s.DataSourceUuid,
            s => (Type is null || Type.Contains(s.Type, StringComparer.OrdinalIgnoreCase)) && (Status is null || Status.Contains(s.Status, StringComparer.OrdinalIgnoreCase)));
}
