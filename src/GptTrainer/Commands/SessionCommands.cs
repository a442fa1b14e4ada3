using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;

namespace GptTrainer.Commands;

/// <summary>Opens a chat session on a chatbot and makes it the current session of this runspace.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Session))]
public sealed class NewGptTrainerSessionCommand : ApiCmdlet
{
    /// <summary>Defaults to the current chatbot (the one the current session belongs to).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>Flat name/value pairs the chatbot's agents can use as variables.</summary>
    [Parameter]
    public Hashtable? InitialVariables { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        if (!ShouldProcess($"chatbot {chatbot}", "Create a chat session"))
        {
            return;
        }

        object? body = InitialVariables is null ? null : new Hashtable { ["initial_variables"] = InitialVariables };
        object? json = Await(Client.PostJsonAsync(Client.UriFor("chatbot/{0}/session/create", chatbot), body, StopToken));
        Session session = Session.FromJson(json, chatbot);
        State.ChatbotUuid = chatbot;
        State.SessionUuid = session.SessionUuid;
        WriteObject(session);
    }
}

/// <summary>Gets one session by uuid, or the sessions of a chatbot (optionally within a creation window).</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerSession")]
[OutputType(typeof(Session))]
public sealed class GetGptTrainerSessionCommand : ApiCmdlet
{
    // One parameter set on purpose: a piped session carries both uuids and must be fetched by its own.
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    /// <summary>Lists this chatbot's sessions; defaults to the current chatbot.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>Only sessions created at or after this time (any kind of DateTime; sent as UTC).</summary>
    [Parameter]
    public DateTime CreatedAfter { get; set; }

    /// <summary>Only sessions created at or before this time.</summary>
    [Parameter]
    public DateTime CreatedBefore { get; set; }

    protected override void ProcessApiRecord()
    {
        if (!string.IsNullOrEmpty(SessionUuid))
        {
            ErrorTarget = SessionUuid;
            string session = Uuid(SessionUuid, nameof(SessionUuid));
            object? json = Await(Client.GetJsonAsync(Client.UriFor("session/{0}", session), StopToken));
            string? chatbot = string.IsNullOrEmpty(ChatbotUuid) ? null : Uuid(ChatbotUuid, nameof(ChatbotUuid));
            WriteObject(Session.FromJson(json, chatbot ?? (session == State.SessionUuid ? State.ChatbotUuid : null)));
            return;
        }

        ErrorTarget = ChatbotUuid;
        string chatbotUuid = ChatbotOrCurrent(ChatbotUuid);
        string query = TimeFilter();
        Uri uri = new(Client.UriFor("chatbot/{0}/sessions", chatbotUuid) + query);
        WriteObject(GetList(uri, "sessions").Select(o => Session.FromJson(o, chatbotUuid)), enumerateCollection: true);
    }

    private string TimeFilter()
    {
        string query = string.Empty;
        if (Bound(nameof(CreatedAfter)))
        {
            query += "start_timestamp=" + Uri.EscapeDataString(ApiTime(CreatedAfter));
        }

        if (Bound(nameof(CreatedBefore)))
        {
            query += (query.Length > 0 ? "&" : string.Empty) + "end_timestamp=" + Uri.EscapeDataString(ApiTime(CreatedBefore));
        }

        return query.Length > 0 ? "?" + query : string.Empty;
    }

    /// <summary>The filter format the API documents: UTC with milliseconds, YYYY-MM-DDTHH:mm:ss.sssZ.</summary>
    internal static string ApiTime(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}

/// <summary>Deletes a session and its messages.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerSessionCommand : RemoveOneCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    /// <summary>Only for tab completion of -SessionUuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    private protected override string? UuidValue => SessionUuid;

    private protected override string ParameterName => nameof(SessionUuid);

    private protected override string ItemName => "session";

    private protected override string Action => "Remove the session and all its messages";

    private protected override HttpMethod Method => HttpMethod.Post;

    private protected override string PathFormat => "session/{0}/delete";

    private protected override void Removed(string uuid)
    {
        if (State.SessionUuid == uuid)
        {
            State.SessionUuid = null;
        }
    }
}
