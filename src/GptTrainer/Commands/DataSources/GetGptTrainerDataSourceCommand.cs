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

    /// <summary>upload, link, qa... or a wildcard.</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataSourceTypeCompleter))]
    public string[]? Type { get; set; }

    /// <summary>await, success, error... or a wildcard (error* for every failure).</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataSourceStatusCompleter))]
    public string[]? Status { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    private protected override void BeginApiProcessing()
    {
        KnownOrWildcard(Type, nameof(Type), DataSourceStatuses.KnownTypes, "a type of data source");
        KnownOrWildcard(Status, nameof(Status), DataSourceStatuses.Known, "a status a data source has");
    }

    protected override void ProcessApiRecord()
        => WriteListed(
            Title,
            DataSourceUuid,
            nameof(DataSourceUuid),
            "data source",
            (api, chatbot, token) => api.DataSources.ListAsync(chatbot, token),
            s => s.Title,
            s => s.DataSourceUuid,
            s => Matches(Type, s.Type) && Matches(Status, s.Status));

    /// <summary>No filter, or one of its values (or patterns) matches.</summary>
    private static bool Matches(string[]? filter, string? value)
        => filter is null || filter.Any(f => new WildcardPattern(f, WildcardOptions.IgnoreCase).IsMatch(value ?? string.Empty));
}
