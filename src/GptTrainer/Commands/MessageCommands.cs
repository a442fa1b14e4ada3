using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;

namespace GptTrainer.Commands;

/// <summary>
/// Asks a question in a chat session and writes the reply to the pipeline piece by piece as it arrives.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "GptTrainerMessage")]
[OutputType(typeof(string), typeof(Message))]
public sealed class SendGptTrainerMessageCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string Query { get; set; } = string.Empty;

    /// <summary>Defaults to the current session (the last one New-GptTrainerSession opened in this runspace).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    /// <summary>Writes the whole reply as one string when it is complete, instead of piece by piece.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>After the reply, also writes the stored message (uuid, finish reason, citations).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Uses the non-streamed endpoint: the reply arrives as one string once it is complete.</summary>
    [Parameter]
    public SwitchParameter NoStream { get; set; }

    /// <summary>Files uploaded as session documents and attached to the question (implies -NoStream).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DocumentPath { get; set; }

    // Uploaded once, for the first question, and attached to every question piped in after it.
    private string[]? _documentUuids;

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Query;
        if (string.IsNullOrWhiteSpace(Query))
        {
            throw new InputException(InputError("EmptyQuery", "-Query is empty; there is nothing to ask.", ErrorCategory.InvalidArgument, Query));
        }

        string session = SessionOrCurrent(SessionUuid);
        List<string>? documents = DocumentPath is null || _documentUuids is not null ? null : ResolveFiles(DocumentPath, literal: false, nameof(DocumentPath));
        if (documents is not null)
        {
            _documentUuids = documents.Select(UploadDocument).ToArray();
        }

        if (NoStream || _documentUuids is not null)
        {
            SendWithoutStreaming(session);
        }
        else
        {
            SendStreaming(session);
        }

        if (PassThru && FindStoredMessage(session) is Message stored)
        {
            WriteObject(stored);
        }
    }

    /// <summary>Only the non-streamed endpoint is known to take session documents, so documents imply it.</summary>
    private void SendWithoutStreaming(string session)
    {
        var body = new Hashtable { ["query"] = Query };
        if (_documentUuids is not null)
        {
            body["session_document_uuids"] = _documentUuids;
        }

        Uri uri = Client.UriFor("session/{0}/message/non-stream", session);
        object? answer = Await(Client.SendJsonAsync(ApiRequest.Json(HttpMethod.Post, uri, body), StopToken));
        string? reply = (answer as JsonObject)?.GetString("response");
        if (reply is null)
        {
            throw new GptTrainerApiException(200, "OK", "POST", uri.AbsolutePath, "the answer has no \"response\" field");
        }

        WriteObject(reply);
    }

    /// <summary>POST /session-document/upload: undocumented, used by the official Python SDK.</summary>
    private string UploadDocument(string path)
    {
        Uri uri = Client.UriFor("session-document/upload");
        var request = new ApiRequest(HttpMethod.Post, uri, Multipart.FileContent(path, new[] { ("filename", System.IO.Path.GetFileName(path)) }, this, "Uploading session document"));
        object? answer = Await(Client.SendJsonAsync(request, StopToken));
        string? uuid = (answer as JsonObject)?.GetString("uuid");
        if (uuid is null)
        {
            throw new GptTrainerApiException(200, "OK", "POST", uri.AbsolutePath, "the answer has no document uuid");
        }

        Verbose($"Uploaded {path} as session document {uuid}.");
        return uuid;
    }

    private void SendStreaming(string session)
    {
        var body = new Hashtable { ["query"] = Query };
        Uri uri = Client.UriFor("session/{0}/message/stream", session);

        StringBuilder? whole = Raw ? new StringBuilder() : null;
        using (ReplyReader reader = Await(Client.OpenReplyAsync(uri, body, StopToken)))
        {
            try
            {
                string? piece;
                while ((piece = Await(reader.ReadPieceAsync())) is not null)
                {
                    if (whole is null)
                    {
                        WriteObject(piece);
                    }
                    else
                    {
                        whole.Append(piece);
                    }
                }
            }
            catch (GptTrainerException) when (whole is { Length: > 0 })
            {
                // What arrived before the failure is still the caller's.
                WriteObject(whole.ToString());
                throw;
            }

            WriteDebug($"Reply complete: {reader.BytesReceived} bytes in {reader.PiecesReceived} pieces.");
        }

        if (whole is not null)
        {
            WriteObject(whole.ToString());
        }
    }

    /// <summary>The stream carries only text; uuid, finish reason and citations come from the message list.</summary>
    private Message? FindStoredMessage(string session)
    {
        JsonObject? match = GetList(Client.UriFor("session/{0}/messages", session), "messages").LastOrDefault(m => m.GetString("query") == Query);

        if (match is null)
        {
            Warning($"The reply arrived, but session {session} lists no stored message for this query yet.");
            return null;
        }

        return Message.FromJson(match, session);
    }
}

/// <summary>Gets the stored question/answer pairs of a session, oldest first.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerMessage")]
[OutputType(typeof(Message))]
public sealed class GetGptTrainerMessageCommand : ApiCmdlet
{
    /// <summary>Defaults to the current session.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = SessionUuid;
        string session = SessionOrCurrent(SessionUuid);
        IEnumerable<Message> messages = GetList(Client.UriFor("session/{0}/messages", session), "messages").Select(o => Message.FromJson(o, session));

        // The API does not promise an order; oldest first is what a transcript reader expects. The sort is
        // stable, so messages stamped in the same second keep the service's order.
        WriteObject(messages.OrderBy(m => m.CreatedAt ?? DateTime.MinValue), enumerateCollection: true);
    }
}

/// <summary>Deletes messages; several piped in are deleted together through the bulk endpoint.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerMessageCommand : BulkRemoveCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? MessageUuid { get; set; }

    private protected override string[]? Uuids => MessageUuid;

    private protected override string ParameterName => nameof(MessageUuid);

    private protected override string ItemName => "message";

    private protected override string SinglePath => "message/{0}/delete";

    private protected override string BulkPath => "messages/delete";
}

/// <summary>Gets a session's whole conversation as plain text.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerTranscript")]
[OutputType(typeof(string))]
public sealed class GetGptTrainerTranscriptCommand : ApiCmdlet
{
    /// <summary>Defaults to the current session.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = SessionUuid;
        string session = SessionOrCurrent(SessionUuid);
        var request = new ApiRequest(HttpMethod.Get, Client.UriFor("session/{0}/messages/plain-text", session)) { Accept = "text/plain, application/json" };
        using ApiResponse response = Await(Client.SendAsync(request.Buffered(), StopToken));
        string text = response.BufferedText ?? string.Empty;

        // The body's shape is undocumented: plain text is expected, but JSON is unwrapped if that is what comes.
        object? parsed = JsonConvert.ParseEmbedded(text.TrimStart().StartsWith("{", StringComparison.Ordinal) || text.TrimStart().StartsWith("\"", StringComparison.Ordinal) ? text : null);
        WriteObject(parsed switch
        {
            string transcript => transcript,
            JsonObject json when json.GetString("transcript") is string transcript => transcript,
            null => text,
            _ => ModelReader.ToPowerShell(parsed),
        });
    }
}
