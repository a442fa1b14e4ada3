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
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    /// <summary>Writes the whole reply as one string when it is complete, instead of piece by piece.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>After the reply, also writes the stored message (uuid, finish reason, citations).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// Waits for the whole reply and writes only the stored message (its text, finish reason and citations),
    /// not the pieces: one call that gives what a test asserts on.
    /// </summary>
    [Parameter]
    public SwitchParameter AsMessage { get; set; }

    /// <summary>
    /// Shows the reply on the console as flowing text, wrapped to the window, as it arrives, and writes no
    /// pieces to the pipeline: for a question typed at the prompt. Scripts leave it off and get the pieces.
    /// </summary>
    [Parameter]
    public SwitchParameter Show { get; set; }

    /// <summary>Uses the non-streamed endpoint: the reply arrives as one string once it is complete.</summary>
    [Parameter]
    public SwitchParameter NoStream { get; set; }

    /// <summary>Files uploaded as session documents and attached to the question (implies -NoStream).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DocumentPath { get; set; }

    // Uploaded once, for the first question, and attached to every question piped in after it.
    private string[]? _documentUuids;

    private protected override void BeginApiProcessing()
    {
        if (AsMessage && (Raw || Show))
        {
            throw CommandEnding(InputError(
                "AsMessageWithText",
                $"-AsMessage writes only the stored message, so -{(Raw ? "Raw" : "Show")}, which is about the reply's text, cannot go with it; use -PassThru to get the text and then the message.",
                ErrorCategory.InvalidArgument,
                null));
        }

        if (PassThru || AsMessage)
        {
            OfferShouldOperator();
        }
    }

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
            // Each document stands alone: one that cannot be read or is refused is an error of its own,
            // and the question goes with the others. With none left, there is nothing to ask about.
            var uploaded = new List<string>();
            foreach (string path in documents)
            {
                ErrorTarget = path;
                ReportingErrors(() => uploaded.Add(UploadDocument(path)));
            }

            ErrorTarget = Query;
            if (uploaded.Count == 0)
            {
                return;
            }

            _documentUuids = uploaded.ToArray();
        }

        // Only the non-streamed endpoint is known to take session documents, so documents imply it.
        if (NoStream || _documentUuids is not null)
        {
            string reply = Call((api, token) => api.Messages.SendAsync(session, Query, _documentUuids, token));
            if (Show)
            {
                new ReplyOutput(this, StopToken).Show(reply);
            }
            else if (!AsMessage)
            {
                WriteObject(reply);
            }
        }
        else
        {
            SendStreaming(session);
        }

        // The stream carries only text and its [1.1] markers; the sources behind them are in the stored message.
        Message? stored = PassThru || AsMessage ? FindStoredMessage(session) : Show ? Call((api, token) => api.Messages.FindStoredAsync(session, Query, token)) : null;
        if (Show && stored is not null)
        {
            new ReplyOutput(this, StopToken).ShowSources(stored.Citations);
        }

        if ((PassThru || AsMessage) && stored is not null)
        {
            WriteObject(stored);
        }
    }

    private string UploadDocument(string path)
    {
        string uuid = Call((api, token) => api.Sessions.UploadDocumentAsync(path, token));
        Verbose($"Uploaded {path} as session document {uuid}.");
        return uuid;
    }

    private void SendStreaming(string session)
    {
        using ReplyReader reader = Call((api, token) => api.Messages.StreamAsync(session, Query, token));
        if (AsMessage)
        {
            // Read to the end, keeping nothing: the stored message has the whole text.
            while (Await(reader.ReadPieceAsync()) is not null)
            {
            }

            return;
        }

        if (!Show)
        {
            new ReplyOutput(this, StopToken).Write(reader, Raw);
            return;
        }

        try
        {
            var reply = new ReplyOutput(this, StopToken);
            reply.Show(reader, reply.HostText());
        }
        finally
        {
            Host.UI.WriteLine();
        }
    }

    private Message? FindStoredMessage(string session)
    {
        Message? match = Call((api, token) => api.Messages.FindStoredAsync(session, Query, token));
        string missing = $"The reply arrived, but session {session} lists no stored message for this query yet.";
        if (match is null && AsMessage)
        {
            // The message is all -AsMessage writes, so its absence is this question's error, not a side note.
            throw new InputException(new ErrorRecord(new ItemNotFoundException(missing), "MessageNotStored", ErrorCategory.ObjectNotFound, Query));
        }

        if (match is null)
        {
            Warning(missing);
        }

        return match;
    }
}
