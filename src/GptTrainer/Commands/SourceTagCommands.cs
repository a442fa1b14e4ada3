using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Completion;
using GptTrainer.Models;

namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's source tags, optionally filtered by name.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSourceTag")]
[OutputType(typeof(SourceTag))]
public sealed class GetGptTrainerSourceTagCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        var tags = GetList(Client.UriFor("chatbot/{0}/source-tags", chatbot), "source tags").Select(o => SourceTag.FromJson(o, chatbot)).ToList();
        WriteObject(NameFilter.Apply(this, tags, Name, t => t.Name, "source tag"), enumerateCollection: true);
    }
}

/// <summary>Creates a source tag, optionally with its first members.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SourceTag))]
public sealed class NewGptTrainerSourceTagCommand : ApiCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? Color { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        var body = new Dictionary<string, object?> { ["name"] = Name, ["color"] = Color };
        if (DataSourceUuid is not null)
        {
            body["data_source_uuids"] = UuidList(DataSourceUuid, nameof(DataSourceUuid));
        }

        if (ShouldProcess($"chatbot {chatbot}", $"Create the source tag '{Name}'"))
        {
            WriteObject(SourceTag.FromJson(Post(Client.UriFor("chatbot/{0}/source-tag/create", chatbot), body), chatbot));
        }
    }
}

/// <summary>Renames, recolours, or sets the members of a source tag (the member list is replaced whole).</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SourceTag))]
public sealed class SetGptTrainerSourceTagCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SourceTagUuidCompleter))]
    public string? SourceTagUuid { get; set; }

    /// <summary>Only for tab completion; carried into the output when given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? Color { get; set; }

    /// <summary>The tag's members after the change; an empty list removes them all.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = SourceTagUuid;
        string tag = Uuid(SourceTagUuid, nameof(SourceTagUuid));
        var body = new Dictionary<string, object?>();
        if (Bound(nameof(Name))) body["name"] = Name;
        if (Bound(nameof(Color))) body["color"] = Color;
        if (Bound(nameof(DataSourceUuid))) body["data_source_uuids"] = UuidList(DataSourceUuid ?? Array.Empty<string>(), nameof(DataSourceUuid));
        if (body.Count == 0)
        {
            throw new InputException(InputError("NothingToChange", "Give at least one of -Name, -Color or -DataSourceUuid.", ErrorCategory.InvalidArgument, SourceTagUuid));
        }

        if (!ShouldProcess($"source tag {tag}", "Change " + string.Join(", ", body.Keys)))
        {
            return;
        }

        SourceTag updated = SourceTag.FromJson(Post(Client.UriFor("source-tag/{0}/update", tag), body), ChatbotUuid);
        if (PassThru)
        {
            WriteObject(updated);
        }
    }
}

/// <summary>Deletes source tags (the tagged sources stay).</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerSourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerSourceTagCommand : RemoveOneCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SourceTagUuidCompleter))]
    public string? SourceTagUuid { get; set; }

    /// <summary>Only for tab completion of -SourceTagUuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    private protected override string? UuidValue => SourceTagUuid;

    private protected override string ParameterName => nameof(SourceTagUuid);

    private protected override string ItemName => "source tag";

    private protected override HttpMethod Method => HttpMethod.Delete;

    private protected override string PathFormat => "source-tag/{0}/delete";
}

/// <summary>Lists the models agents can use and what a message costs with each. Undocumented endpoints; see the help.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerModel")]
[OutputType(typeof(ModelInfo))]
public sealed class GetGptTrainerModelCommand : ApiCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        IReadOnlyList<ModelInfo> models = Await(ModelCatalogue.FetchAsync(Client, StopToken));
        WriteObject(NameFilter.Apply(this, models.ToList(), Name, m => m.Model, "model"), enumerateCollection: true);
    }
}
