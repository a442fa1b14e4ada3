using System.Management.Automation.Host;

namespace GptTrainer.Commands;

/// <summary>
/// A conversation at the prompt: reads a question, shows the reply as flowing text as it arrives, then the
/// sources it cited, and asks for the next question. Ctrl+C stops a reply and returns to the chat's prompt;
/// Ctrl+C at the prompt, or /exit, leaves. The chat's session stays the current one afterwards.
/// </summary>
[Cmdlet(VerbsCommon.Enter, "GptTrainerChat")]
[OutputType(typeof(void))]
public sealed class EnterGptTrainerChatCommand : ApiCmdlet
{
    private const string Prompt = "You> ";
    private string? _chatbot;
    private string _session = string.Empty;
    private ReplyOutput? _reply;

    private ReplyOutput Reply => _reply ??= new ReplyOutput(this, StopToken);

    /// <summary>Defaults to the current chatbot; tab completion offers the chatbots by name.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    /// <summary>Continues this session; defaults to the current session when it belongs to the chatbot, else a new one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string? SessionUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        // What was given is checked first: an id given empty (a chatbot that was not found) must not open a chat with the current one.
        ErrorTarget = ChatbotUuid ?? SessionUuid;
        string? chatbot = GivenUuid(ChatbotUuid, nameof(ChatbotUuid));
        string? session = GivenUuid(SessionUuid, nameof(SessionUuid));
        if (InteractiveHost.WhyCannotAsk(Host) is string why)
        {
            throw CommandEnding(InputError(
                "NotInteractive",
                $"Enter-GptTrainerChat needs someone to type questions, but {why}. In scripts and runbooks use Send-GptTrainerMessage.",
                ErrorCategory.InvalidOperation,
                null));
        }

        Start(chatbot, session);
        while (ReadQuestion() is string line)
        {
            string question = line.Trim();
            if (question.Length == 0)
            {
                continue;
            }

            if (question.StartsWith("/", StringComparison.Ordinal))
            {
                if (!RunCommand(question))
                {
                    break;
                }

                continue;
            }

            ErrorTarget = question;
            ReportingErrors(() => Ask(question));
        }
    }

    /// <summary>Picks the chatbot and session, making them current, and says where the chat is.</summary>
    private void Start(string? chatbot, string? session)
    {
        _chatbot = chatbot ?? State.ChatbotUuid;
        if (session is not null)
        {
            _session = session;
            _chatbot ??= State.ChatbotOfSession(_session);
        }
        else if (_chatbot is not null && _chatbot == State.ChatbotUuid && State.SessionUuid is string current)
        {
            _session = current;
        }
        else
        {
            _session = NewSession(ChatbotOrCurrent(_chatbot));
        }

        State.ChatbotUuid = _chatbot;
        State.SessionUuid = _session;
        string name = _chatbot is null ? "the chatbot" : ChatbotName(_chatbot);
        Reply.Say(ConsoleColor.DarkGray, $"Chatting with {name} in session {_session}. Ask a question, or type /help. /exit or Ctrl+C at the prompt leaves.");
    }

    private string ChatbotName(string chatbot)
    {
        string? name = KnownNames.Of(chatbot);
        if (name is null)
        {
            ReportingErrors(() => name = Call((api, token) => api.Chatbots.GetAsync(chatbot, token)).Name);
        }

        return $"'{DisplayText.Safe(name ?? chatbot)}'";
    }

    private string NewSession(string chatbot)
    {
        Session session = Call((api, token) => api.Sessions.CreateAsync(chatbot, null, token));
        return session.SessionUuid;
    }

    /// <summary>The next line typed, or null when input ended; Ctrl+C here stops the command, which is how the chat is left.</summary>
    private string? ReadQuestion()
    {
        // Ctrl+C is a key from before the prompt is drawn: the console's line reader takes it as "stop" once
        // it reads, while as a signal in the moment before it reads it would be lost with the chat left waiting.
        using ControlCAsKey? controlC = ControlCAsKey.Start();
        Host.UI.WriteLine();
        Reply.Say(ConsoleColor.Cyan, Prompt, newLine: false);

        // A Ctrl+C that arrived as a signal just before would otherwise wait for Enter.
        if (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        try
        {
            return Host.UI.ReadLine();
        }
        catch (Exception ex) when (ex is not PipelineStoppedException && !StopToken.IsCancellationRequested)
        {
            throw CommandEnding(InputError("NotInteractive", $"Enter-GptTrainerChat could not read a question: {ex.Message}", ErrorCategory.InvalidOperation, null));
        }
    }

    /// <summary>Asks one question and shows the reply as it arrives; Ctrl+C stops this reply only.</summary>
    private void Ask(string question)
    {
        Host.UI.WriteLine();
        FlowingText text = Reply.HostText();
        bool cutShort = false;
        using (var reply = CancellationTokenSource.CreateLinkedTokenSource(StopToken))
        using (ReplyInterrupt.Start(reply))
        {
            try
            {
                using ReplyReader reader = Await(Api.Messages.StreamAsync(_session, question, reply.Token));
                Reply.Show(reader, text, reply.Token);
            }
            catch (OperationCanceledException) when (reply.IsCancellationRequested && !StopToken.IsCancellationRequested)
            {
                cutShort = true;
            }
        }

        if (cutShort)
        {
            Reply.Say(ConsoleColor.Yellow, (text.Column > 0 ? " " : string.Empty) + "[reply cut short]");
            return;
        }

        Host.UI.WriteLine();
        ShowCitations(question);
    }

    /// <summary>The stream carries only text; the sources it cited are in the stored message.</summary>
    private void ShowCitations(string question)
    {
        Message? stored = Call((api, token) => api.Messages.FindStoredAsync(_session, question, token));
        if (stored is not null)
        {
            Reply.ShowSources(stored.Citations);
        }
    }

    /// <summary>Runs a chat command; false when the chat should end.</summary>
    private bool RunCommand(string command)
    {
        ErrorTarget = command;
        switch (command.ToLowerInvariant())
        {
            case "/exit":
            case "/quit":
                return false;
            case "/help":
                Host.UI.WriteLine("/new      start a new session with the same chatbot (it becomes the current session)");
                Host.UI.WriteLine("/sources  list the chatbot's data sources");
                Host.UI.WriteLine("/history  show this session's questions and replies");
                Host.UI.WriteLine("/help     show this list");
                Host.UI.WriteLine("/exit     leave the chat (so does Ctrl+C at the prompt; Ctrl+C during a reply stops only the reply)");
                return true;
            case "/new":
                ReportingErrors(() =>
                {
                    _session = NewSession(ChatbotOrCurrent(_chatbot));
                    State.ChatbotUuid = _chatbot;
                    State.SessionUuid = _session;
                    Reply.Say(ConsoleColor.DarkGray, $"New session {_session}.");
                });
                return true;
            case "/sources":
                ReportingErrors(() =>
                {
                    List<DataSource> sources = Call((api, token) => api.DataSources.ListAsync(ChatbotOrCurrent(_chatbot), token));
                    Host.UI.WriteLine(sources.Count == 0 ? "The chatbot has no data sources." : $"{sources.Count} data source{(sources.Count == 1 ? string.Empty : "s")}:");
                    foreach (DataSource source in sources)
                    {
                        Host.UI.WriteLine($"  {DisplayText.Safe(source.Title)}  ({DisplayText.Safe(source.Type)}, {DisplayText.Safe(source.Status)})");
                    }
                });
                return true;
            case "/history":
                ReportingErrors(ShowHistory);
                return true;
            default:
                Reply.Say(ConsoleColor.Yellow, $"Unknown command {DisplayText.Safe(command)}; /help lists the commands.");
                return true;
        }
    }

    private void ShowHistory()
    {
        List<Message> messages = Call((api, token) => api.Messages.ListAsync(_session, token));
        if (messages.Count == 0)
        {
            Host.UI.WriteLine("No questions in this session yet.");
            return;
        }

        foreach (Message message in messages)
        {
            Reply.Say(ConsoleColor.Cyan, Prompt, newLine: false);
            Host.UI.WriteLine(DisplayText.Safe(message.Query));
            Reply.Show(message.Response);
            Host.UI.WriteLine();
        }
    }
}
