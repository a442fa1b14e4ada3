using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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
    public string? SessionUuid { get; set; }

    /// <summary>Writes the whole reply as one string when it is complete, instead of piece by piece.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>After the reply, also writes the stored message (uuid, finish reason, citations).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Query;
        if (string.IsNullOrWhiteSpace(Query))
        {
            throw new InputException(InputError("EmptyQuery", "-Query is empty; there is nothing to ask.", ErrorCategory.InvalidArgument, Query));
        }

        string session = UuidOrCurrent(SessionUuid, nameof(SessionUuid), State.SessionUuid, "run New-GptTrainerSession first, or pass -SessionUuid.");
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

        if (PassThru)
        {
            WriteObject(FindStoredMessage(session));
        }
    }

    /// <summary>The stream carries only text; uuid, finish reason and citations come from the message list.</summary>
    private Message? FindStoredMessage(string session)
    {
        object? json = Await(Client.GetJsonAsync(Client.UriFor("session/{0}/messages", session), StopToken));
        JsonObject? match = null;
        foreach (JsonObject item in ModelReader.AsObjects(json, "messages"))
        {
            if (item.GetString("query") == Query)
            {
                match = item;
            }
        }

        if (match is null)
        {
            WriteWarning($"The reply arrived, but session {session} lists no stored message for this query yet.");
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
    public string? SessionUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = SessionUuid;
        string session = UuidOrCurrent(SessionUuid, nameof(SessionUuid), State.SessionUuid, "pass -SessionUuid or pipe in a session.");
        object? json = Await(Client.GetJsonAsync(Client.UriFor("session/{0}/messages", session), StopToken));
        var messages = new List<Message>();
        foreach (JsonObject item in ModelReader.AsObjects(json, "messages"))
        {
            messages.Add(Message.FromJson(item, session));
        }

        // The API does not promise an order; oldest first is what a transcript reader expects. The sort is
        // stable, so messages stamped in the same second keep the service's order.
        WriteObject(messages.OrderBy(m => m.CreatedAt ?? DateTime.MinValue), enumerateCollection: true);
    }
}
