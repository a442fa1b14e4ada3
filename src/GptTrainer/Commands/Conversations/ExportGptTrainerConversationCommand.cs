using GptTrainer.Conversations;

namespace GptTrainer.Commands;

/// <summary>
/// Writes a chatbot's conversations to a file, one record per message: the sessions of a chatbot (within a
/// creation window), or the sessions piped in. The export and its rules are the engine's
/// <see cref="ConversationExport"/>; this cmdlet checks the files and parameters before any request, gathers
/// what is piped in, and writes one result per chatbot.
/// </summary>
[Cmdlet(VerbsData.Export, "GptTrainerConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ConversationExportResult))]
public sealed class ExportGptTrainerConversationCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Only these sessions; binds from piped sessions.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string[]? SessionUuid { get; set; }

    /// <summary>
    /// Whatever is piped in: a session is exported as it is (with the lead form Get-GptTrainerSession -User read),
    /// a string is a session uuid, and anything else binds -ChatbotUuid and -SessionUuid by property name.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object? InputObject { get; set; }

    /// <summary>Defaults to Csv for a path ending in .csv, else JsonLines.</summary>
    [Parameter]
    public ConversationFormat Format { get; set; }

    [Parameter]
    public DateTime CreatedAfter { get; set; }

    [Parameter]
    public DateTime CreatedBefore { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    [Parameter]
    public SwitchParameter Append { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    private readonly List<ConversationOptions> _exports = new();
    private string _file = string.Empty;
    private string? _stateFile;
    private ExportState? _state;

    private protected override void BeginApiProcessing()
    {
        TimeWindow(Bound(nameof(CreatedAfter)) ? CreatedAfter : null, Bound(nameof(CreatedBefore)) ? CreatedBefore : null);
        if (!Bound(nameof(Format)))
        {
            Format = System.IO.Path.GetExtension(Path!).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ConversationFormat.Csv : ConversationFormat.JsonLines;
        }

        // Every file is checked before any request: an export that cannot be kept is not worth its requests.
        ErrorTarget = Path;
        _file = FileSystemPaths.Literal(SessionState, Path!, "FolderNotFound");
        ConversationFile.CheckWritable(_file, Path!, nameof(Path));
        if (Append)
        {
            ConversationFile.CheckAppendable(_file, Path!, Format);
        }

        if (StatePath is not null)
        {
            ErrorTarget = StatePath;
            _stateFile = FileSystemPaths.Literal(SessionState, StatePath, "FolderNotFound");
            ConversationFile.CheckWritable(_stateFile, StatePath, nameof(StatePath));
        }
    }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        if (PowerShellValues.Unwrap(InputObject) is Session session)
        {
            Add(ChatbotOf(session.ChatbotUuid, session.SessionUuid), session);
            return;
        }

        string[] uuids = (SessionUuid ?? Array.Empty<string>()).Concat(PipedStrings(InputObject)).ToArray();
        if (uuids.Length == 0)
        {
            Add(ChatbotOrCurrent(ChatbotUuid), null);
            return;
        }

        ForEachUuid(uuids, nameof(SessionUuid), uuid => Add(ChatbotOf(null, uuid), new Session { SessionUuid = uuid }));
    }

    private protected override void EndApiProcessing()
    {
        if (_exports.Count == 0)
        {
            return;
        }

        string chatbots = string.Join(", ", _exports.Select(e => KnownNames.Describe("chatbot", e.ChatbotUuid)));
        string what = Append ? "Add the conversations (" + Format + ") of " : "Write the conversations (" + Format + ") of ";
        if (!ShouldProcess(_file, what + chatbots))
        {
            return;
        }

        // Opened once the first chatbot's sessions are listed, and then shared by every chatbot's export.
        ConversationFile? file = null;
        try
        {
            bool fileFailed = false;
            foreach (ConversationOptions export in _exports.TakeWhile(_ => !fileFailed))
            {
                ErrorTarget = export.ChatbotUuid;
                ReportingErrors(() =>
                {
                    try
                    {
                        WriteObject(Await(new ConversationExport(Api, this, export).RunAsync(() => file ??= ConversationFile.Open(_file, Format, Append), Format, _state, StopToken)));
                    }
                    catch (LocalFileException ex)
                    {
                        // A file that cannot be written leaves nothing to do for any chatbot: about that file, and the end.
                        fileFailed = true;
                        throw CommandEnding(ToErrorRecord(ex, ex.Path == _stateFile ? StatePath : Path));
                    }
                });
            }
        }
        finally
        {
            file?.Dispose();
        }
    }

    /// <summary>A session's chatbot: as piped, as given, the current session's, or the current chatbot.</summary>
    private string ChatbotOf(string? piped, string sessionUuid)
        => InputRules.NormalizeUuid(piped) ?? GivenUuid(ChatbotUuid, nameof(ChatbotUuid)) ?? State.ChatbotOfSession(sessionUuid) ?? ChatbotOrCurrent(null);

    /// <summary>Adds a session (or, for null, the whole chatbot) to what the end of the pipeline exports, once.</summary>
    private void Add(string chatbot, Session? session)
    {
        ConversationOptions? export = _exports.FirstOrDefault(e => e.ChatbotUuid == chatbot);
        if (export is null)
        {
            LoadState(chatbot);
            export = new ConversationOptions
            {
                ChatbotUuid = chatbot,
                Sessions = session is null ? null : new List<Session>(),
                CreatedAfter = Bound(nameof(CreatedAfter)) ? CreatedAfter : null,
                CreatedBefore = Bound(nameof(CreatedBefore)) ? CreatedBefore : null,
                ThrottleLimit = ThrottleLimit,
            };
            _exports.Add(export);
        }

        if (session is null)
        {
            export.Sessions = null;
        }
        else if (export.Sessions is List<Session> sessions && sessions.All(s => s.SessionUuid != session.SessionUuid))
        {
            sessions.Add(session);
        }
    }

    /// <summary>A state belongs to one chatbot's exports: read once the chatbot is known, still before any request.</summary>
    private void LoadState(string chatbot)
    {
        if (_stateFile is null)
        {
            return;
        }

        try
        {
            if (_state is not null && _state.ChatbotUuid != chatbot)
            {
                throw new LocalFileException("StateOfAnotherChatbot", ErrorKind.InvalidArgument, _stateFile, $"-StatePath '{StatePath}' keeps the state of one chatbot's exports, {_state.ChatbotUuid}; export chatbot {chatbot} with a state file of its own.");
            }

            _state ??= ExportState.Load(_stateFile, StatePath!, chatbot);
        }
        catch (LocalFileException ex)
        {
            // With the wrong state, nothing of this export could be trusted: the whole command ends.
            throw CommandEnding(ToErrorRecord(ex, StatePath));
        }
    }
}
