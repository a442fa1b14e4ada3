using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Completion;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;

namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's data sources, optionally filtered by title, type, status or uuid.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerDataSource")]
[OutputType(typeof(DataSource))]
public sealed class GetGptTrainerDataSourceCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Title { get; set; }

    /// <summary>upload, link, qa... (the API's open set).</summary>
    [Parameter]
    public string[]? Type { get; set; }

    /// <summary>await, success, error... (the API's open set).</summary>
    [Parameter]
    public string[]? Status { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        string[]? wanted = DataSourceUuid is null ? null : UuidList(DataSourceUuid, nameof(DataSourceUuid));
        var sources = GetList(Client.UriFor("chatbot/{0}/data-sources", chatbot), "data sources")
            .Select(o => DataSource.FromJson(o, chatbot))
            .Where(s => wanted is null || wanted.Contains(s.DataSourceUuid))
            .Where(s => Type is null || Type.Contains(s.Type, StringComparer.OrdinalIgnoreCase))
            .Where(s => Status is null || Status.Contains(s.Status, StringComparer.OrdinalIgnoreCase))
            .ToList();
        WriteObject(NameFilter.Apply(this, sources, Title, s => s.Title, "data source"), enumerateCollection: true);
    }
}

/// <summary>Adds knowledge to a chatbot: uploads files, adds web pages, or adds a question/answer pair.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerDataSource", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSource))]
public sealed class NewGptTrainerDataSourceCommand : ApiCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string UrlSet = "Url";
    private const string QaSet = "QA";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

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
                    var body = WithLink(new Dictionary<string, object?> { ["question"] = Question, ["answer"] = Answer });
                    WriteObject(DataSource.FromJson(Post(Client.UriFor("chatbot/{0}/data-source/qa", chatbot), body), chatbot));
                }

                break;
        }
    }

    private void Upload(string chatbot, string file)
    {
        if (!ShouldProcess($"chatbot {chatbot}", $"Upload {file}"))
        {
            return;
        }

        var fields = ReferenceSourceLink is null ? Array.Empty<(string, string)>() : new[] { ("reference_source_link", ReferenceSourceLink) };
        var request = new ApiRequest(HttpMethod.Post, Client.UriFor("chatbot/{0}/data-source/upload", chatbot), Multipart.FileContent(file, fields, this, "Uploading data source"))
        {
            AcceptedStatuses = new[] { 409 },
        };
        string name = System.IO.Path.GetFileName(file);
        (int status, object? json) answer;
        try
        {
            answer = Await(Client.SendForJsonAsync(request, StopToken));
        }
        catch (GptTrainerApiException ex) when (ex.StatusCode == 409)
        {
            answer = (409, null);
        }
        finally
        {
            Completion.CompletionCache.Clear();
        }

        (int status, object? json) = answer;
        if (status == 409 && json is not JsonObject)
        {
            // A 409 whose body is not the existing source: the duplicate is known, the source is not.
            Warning($"{name} is already a data source of chatbot {chatbot}; the service did not say which.");
            return;
        }

        DataSource source = DataSource.FromJson(json, chatbot);
        if (status == 409)
        {
            // The service answers a duplicate upload with the source that already has this file.
            Warning($"{name} is already a data source of chatbot {chatbot} ('{source.Title}', {source.DataSourceUuid}); returning the existing source.");
        }

        WriteObject(source);
    }

    private void AddUrl(string chatbot, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputException(InputError("InvalidUrl", $"-Url '{url}' is not an absolute http or https URL.", ErrorCategory.InvalidArgument, url));
        }

        if (!ShouldProcess($"chatbot {chatbot}", $"Add the web page {url}"))
        {
            return;
        }

        try
        {
            WriteObject(DataSource.FromJson(Post(Client.UriFor("chatbot/{0}/data-source/url", chatbot), WithLink(new Dictionary<string, object?> { ["url"] = url })), chatbot));
        }
        catch (GptTrainerApiException ex) when (ex.StatusCode == 409)
        {
            // The 409 body for URLs is not documented, so the existing source is looked up by its URL.
            DataSource? existing = GetList(Client.UriFor("chatbot/{0}/data-sources", chatbot), "data sources")
                .Select(o => DataSource.FromJson(o, chatbot))
                .FirstOrDefault(s => string.Equals(s.FileName, url, StringComparison.OrdinalIgnoreCase));
            Warning($"{url} is already a data source of chatbot {chatbot}" + (existing is null ? "." : $" ('{existing.Title}', {existing.DataSourceUuid}); returning the existing source."));
            if (existing is not null)
            {
                WriteObject(existing);
            }
        }
    }

    private Dictionary<string, object?> WithLink(Dictionary<string, object?> body)
    {
        if (ReferenceSourceLink is not null)
        {
            body["reference_source_link"] = ReferenceSourceLink;
        }

        return body;
    }
}

/// <summary>Renames a data source (its title is what citations show).</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSource))]
public sealed class SetGptTrainerDataSourceCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string? DataSourceUuid { get; set; }

    /// <summary>Only for tab completion of -DataSourceUuid; carried into the output when given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = DataSourceUuid;
        string source = Uuid(DataSourceUuid, nameof(DataSourceUuid));
        if (!ShouldProcess($"data source {source}", $"Rename to '{Title}'"))
        {
            return;
        }

        DataSource renamed = DataSource.FromJson(Post(Client.UriFor("data-source/{0}/update", source), new Dictionary<string, object?> { ["title"] = Title }), ChatbotUuid);
        if (PassThru)
        {
            WriteObject(renamed);
        }
    }
}

/// <summary>Base of the cmdlets that send many data source uuids in one request and get one result per uuid back.</summary>
public abstract class DataSourceBatchCmdlet : ConfirmedBatchCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    /// <summary>Only for tab completion of -DataSourceUuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    private protected override string[]? Uuids => DataSourceUuid;

    private protected override string ParameterName => nameof(DataSourceUuid);

    private protected override string ItemName => "data source";

    private protected abstract Uri Endpoint { get; }

    protected override void EndProcessing()
    {
        if (Confirmed.Count == 0)
        {
            return;
        }

        ErrorTarget = Confirmed.ToArray();
        ReportingErrors(() =>
        {
            object? answer = Post(Endpoint, new Dictionary<string, object?> { ["uuids"] = Confirmed });
            if (answer is not List<object?>)
            {
                // The shape of this answer is not documented; anything but a per-uuid list is shown as it came.
                Verbose("The service answered: " + JsonWriter.Serialize(answer));
                return;
            }

            foreach (DataSourceOperationResult result in ModelReader.AsObjects(answer, "results").Select(DataSourceOperationResult.FromJson))
            {
                if (result.Succeeded)
                {
                    WriteObject(result);
                }
                else
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException($"Data source {result.DataSourceUuid}: {result.Error}"),
                        "DataSourceRefused",
                        ErrorCategory.InvalidOperation,
                        result.DataSourceUuid));
                }
            }
        });
    }
}

/// <summary>Retrains (re-scrapes) web-page data sources so the chatbot learns their current content.</summary>
[Cmdlet(VerbsData.Update, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSourceOperationResult))]
public sealed class UpdateGptTrainerDataSourceCommand : DataSourceBatchCmdlet
{
    private protected override string Action => "Retrain (re-scrape the web page)";

    private protected override Uri Endpoint => Client.UriFor("data-sources/url/re-scrape");
}

/// <summary>Re-processes data sources whose processing failed. Undocumented endpoint; see the help.</summary>
[Cmdlet(VerbsLifecycle.Restart, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DataSourceOperationResult))]
public sealed class RestartGptTrainerDataSourceCommand : DataSourceBatchCmdlet
{
    private protected override string Action => "Restart processing";

    // The Python SDK calls this outside /api/v1: <base>/api/data-sources/restart.
    private protected override Uri Endpoint => new(Client.Connection.ApiRoot, "../data-sources/restart");
}

/// <summary>Deletes data sources; several piped in are deleted together through the bulk endpoint.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerDataSourceCommand : BulkRemoveCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    /// <summary>Only for tab completion of -DataSourceUuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    private protected override string[]? Uuids => DataSourceUuid;

    private protected override string ParameterName => nameof(DataSourceUuid);

    private protected override string ItemName => "data source";

    private protected override string SinglePath => "data-source/{0}/delete";

    private protected override string BulkPath => "data-sources/delete";
}
