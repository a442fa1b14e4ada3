namespace GptTrainer.Commands;

/// <summary>Adds knowledge to a chatbot: uploads files, adds web pages, or adds a question/answer pair.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerDataSource", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSource))]
public sealed class NewGptTrainerDataSourceCommand : DataSourceWaitCmdlet
{
    private readonly List<DataSource> _added = new();

    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string UrlSet = "Url";
    private const string QaSet = "QA";

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    public string[]? Path { get; set; }

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    public string[]? LiteralPath { get; set; }

    [Parameter(ParameterSetName = UrlSet, Mandatory = true)]
    public string[]? Url { get; set; }

    [Parameter(ParameterSetName = QaSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Question { get; set; }

    [Parameter(ParameterSetName = QaSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Answer { get; set; }

    /// <summary>The link shown with citations of this source.</summary>
    [Parameter]
    public string? ReferenceSourceLink { get; set; }

    /// <summary>Waits until the new sources are processed before writing them, so that the chatbot can answer from them.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, 86400)]
    public int WaitTimeoutSec { get; set; } = 600;

    protected override void ProcessApiRecord()
    {
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        switch (ParameterSetName)
        {
            case PathSet:
            case LiteralPathSet:
                bool literal = ParameterSetName == LiteralPathSet;
                ErrorTarget = literal ? LiteralPath : Path;
                foreach (string file in ResolveFiles((literal ? LiteralPath : Path)!, literal, literal ? nameof(LiteralPath) : nameof(Path)))
                {
                    ErrorTarget = file;
                    ReportingErrors(() => Upload(chatbot, file));
                }

                break;
            case UrlSet:
                foreach (string url in Url!)
                {
                    ErrorTarget = url;
                    ReportingErrors(() => AddUrl(chatbot, url));
                }

                break;
            default:
                ErrorTarget = Question;
                if (ShouldProcess($"chatbot {chatbot}", $"Add the Q&A pair '{Question}'"))
                {
                    Added(Call((api, token) => api.DataSources.AddQaAsync(chatbot, Question!, Answer!, ReferenceSourceLink, token)));
                }

                break;
        }
    }

    private void Upload(string chatbot, string file)
    {
        if (ShouldProcess($"chatbot {chatbot}", $"Upload {file}"))
        {
            WriteAdded(chatbot, System.IO.Path.GetFileName(file), Call((api, token) => api.DataSources.UploadAsync(chatbot, file, ReferenceSourceLink, token)));
        }
    }

    private void AddUrl(string chatbot, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputException(InputError("InvalidUrl", $"-Url '{url}' is not an absolute http or https URL.", ErrorCategory.InvalidArgument, url));
        }

        if (ShouldProcess($"chatbot {chatbot}", $"Add the web page {url}"))
        {
            WriteAdded(chatbot, url, Call((api, token) => api.DataSources.AddUrlAsync(chatbot, url, ReferenceSourceLink, token)));
        }
    }

    /// <summary>Something the chatbot already has is not a failure: a warning, and the existing source when the service names it.</summary>
    private void WriteAdded(string chatbot, string what, AddedDataSource added)
    {
        if (added.AlreadyExisted)
        {
            Warning(added.Source is DataSource existing
                ? $"{what} is already a data source of chatbot {chatbot} ('{DisplayText.Safe(existing.Title)}', {existing.DataSourceUuid}); returning the existing source."
                : $"{what} is already a data source of chatbot {chatbot}; the service did not say which.");
        }

        if (added.Source is not null)
        {
            Added(added.Source);
        }
    }

    /// <summary>Without -Wait a source is written at once; with it, once processed, all together at the end.</summary>
    private void Added(DataSource source)
    {
        if (Wait)
        {
            // The same file given twice is one source (the second upload answers 409), waited for once.
            if (!_added.Any(a => a.DataSourceUuid == source.DataSourceUuid))
            {
                _added.Add(source);
            }
        }
        else
        {
            WriteObject(source);
        }
    }

    private protected override void EndApiProcessing() => WaitAndWrite(_added, WaitTimeoutSec, nameof(WaitTimeoutSec));
}
