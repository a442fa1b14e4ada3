namespace GptTrainer.Conversations;

/// <summary>
/// What an incremental export has written before, kept in a small JSON file a person can read, so that the next
/// run writes only what is new: the messages of sessions it has not seen, and the messages added to sessions it
/// has. The API can list neither "sessions changed since" nor "messages since", so every run reads each
/// session's messages and keeps those after the newest it exported.
/// </summary>
/// <remarks>
/// Per session, the state holds the creation time of the newest message exported and the uuids of the messages
/// exported with exactly that time: the service's times have whole seconds, so a message written in the same
/// second as the last one exported is told apart by its uuid. A time per session, not one for the whole chatbot:
/// a message can be stored in one session while another, already read, has a later one. Sessions no longer
/// listed (removed by a retention sweep) are forgotten, which keeps the file small.
/// </remarks>
internal sealed class ExportState
{
    private const string Kind = "GptTrainer conversation export state";
    private const string About = "Written by Export-GptTrainerConversation -StatePath. For each session: the time of the newest message exported (lastMessageAt) and the messages exported with that very time. The next export with this file writes only messages after them, and every message of sessions not listed here.";

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _sessions;

    private ExportState(string path, string chatbotUuid, Dictionary<string, Entry> sessions)
    {
        Path = path;
        ChatbotUuid = chatbotUuid;
        _sessions = sessions;
    }

    public string Path { get; }

    public string ChatbotUuid { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>
    /// The state of earlier exports of <paramref name="chatbotUuid"/>, or an empty one when the file does not exist
    /// yet (or is empty). A file that is not such a state, or is the state of another chatbot's export, is refused:
    /// used for the wrong chatbot it would leave out messages or write them twice.
    /// </summary>
    /// <param name="shown">The path as the user gave it, for messages.</param>
    public static ExportState Load(string path, string shown, string chatbotUuid)
    {
        string text;
        try
        {
            text = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new LocalFileException("StateNotReadable", ErrorKind.ReadError, path, $"-StatePath '{shown}' cannot be read: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new ExportState(path, chatbotUuid, new Dictionary<string, Entry>(StringComparer.Ordinal));
        }

        Dictionary<string, Entry> sessions;
        string owner;
        try
        {
            JsonObject json = JsonReader.Parse(text) as JsonObject ?? throw new FormatException("it is not a JSON object");
            if (json.GetString("kind") != Kind || json.GetInt64("version") != 1)
            {
                throw new FormatException($"it has no \"kind\": \"{Kind}\" of version 1");
            }

            owner = InputRules.NormalizeUuid(json.GetString("chatbotUuid")) ?? throw new FormatException("it names no chatbot");
            sessions = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, object?> session in json.GetObject("sessions") ?? new JsonObject())
            {
                JsonObject entry = session.Value as JsonObject ?? throw new FormatException($"session {session.Key} is not an object");
                sessions[session.Key] = new Entry(Time(entry, "createdAt"), Time(entry, "lastMessageAt"), entry.GetStringArray("lastMessageUuids").ToList());
            }
        }
        catch (FormatException ex)
        {
            throw new LocalFileException(
                "StateNotReadable",
                ErrorKind.InvalidData,
                path,
                $"-StatePath '{shown}' is not the state of a conversation export ({ex.Message}). Give the file an earlier Export-GptTrainerConversation -StatePath wrote, or a new path to start from nothing.",
                ex);
        }

        if (owner != chatbotUuid)
        {
            throw new LocalFileException(
                "StateOfAnotherChatbot",
                ErrorKind.InvalidArgument,
                path,
                $"-StatePath '{shown}' is the state of exports of chatbot {owner}, not of chatbot {chatbotUuid}: with it, this export would leave out messages or write them twice. Keep one state file per chatbot.");
        }

        return new ExportState(path, chatbotUuid, sessions);
    }

    /// <summary>The messages of a session not exported before, in the order given.</summary>
    public List<Message> NewMessages(Session session, IReadOnlyList<Message> messages)
    {
        Entry? entry;
        lock (_gate)
        {
            _sessions.TryGetValue(session.SessionUuid, out entry);
        }

        if (entry is null)
        {
            return messages.ToList();
        }

        DateTime through = entry.LastMessageAt ?? DateTime.MinValue;
        return messages.Where(m => Utc(m.CreatedAt) > through || (Utc(m.CreatedAt) == through && !entry.LastMessageUuids.Contains(m.MessageUuid))).ToList();
    }

    /// <summary>Notes that these messages of a session were written (call once they are on disk).</summary>
    public void Advance(Session session, IReadOnlyList<Message> written)
    {
        if (written.Count == 0)
        {
            return;
        }

        DateTime newest = written.Max(m => Utc(m.CreatedAt));
        lock (_gate)
        {
            var uuids = new List<string>();
            if (_sessions.TryGetValue(session.SessionUuid, out Entry? before) && before.LastMessageAt >= newest)
            {
                if (before.LastMessageAt > newest)
                {
                    // Only older messages were written (their times were changed?): the mark never moves back.
                    return;
                }

                uuids.AddRange(before.LastMessageUuids);
            }

            uuids.AddRange(written.Where(m => Utc(m.CreatedAt) == newest).Select(m => m.MessageUuid).Except(uuids));
            _sessions[session.SessionUuid] = new Entry(session.CreatedAt?.ToUniversalTime(), newest, uuids);
        }
    }

    /// <summary>
    /// Forgets sessions the chatbot no longer lists, among those the listing could have shown: created within
    /// the window it was asked for (an open bound is no limit).
    /// </summary>
    public void ForgetRemoved(IEnumerable<string> listed, DateTime? createdAfter, DateTime? createdBefore)
    {
        var present = new HashSet<string>(listed, StringComparer.Ordinal);
        DateTime? after = createdAfter?.ToUniversalTime();
        DateTime? before = createdBefore?.ToUniversalTime();
        lock (_gate)
        {
            foreach (string uuid in _sessions.Keys.Where(u => !present.Contains(u)).ToList())
            {
                DateTime? created = _sessions[uuid].CreatedAt;
                bool couldBeListed = created is DateTime at ? (after is null || at >= after) && (before is null || at <= before) : after is null && before is null;
                if (couldBeListed)
                {
                    _sessions.Remove(uuid);
                }
            }
        }
    }

    /// <summary>Writes the state, replacing the file only once the new one is whole.</summary>
    public void Save(DateTime now)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"kind\": ").Append(JsonWriter.Serialize(Kind)).Append(",\n");
        text.Append("  \"version\": 1,\n");
        text.Append("  \"about\": ").Append(JsonWriter.Serialize(About)).Append(",\n");
        text.Append("  \"chatbotUuid\": ").Append(JsonWriter.Serialize(ChatbotUuid)).Append(",\n");
        text.Append("  \"updatedAt\": ").Append(JsonWriter.Serialize(ConversationRecord.Utc(now))).Append(",\n");
        text.Append("  \"sessions\": {");
        lock (_gate)
        {
            bool first = true;
            foreach (KeyValuePair<string, Entry> session in _sessions.OrderBy(s => s.Value.CreatedAt ?? DateTime.MinValue).ThenBy(s => s.Key, StringComparer.Ordinal))
            {
                var entry = new JsonObject
                {
                    ["createdAt"] = ConversationRecord.Utc(session.Value.CreatedAt),
                    ["lastMessageAt"] = ConversationRecord.Utc(session.Value.LastMessageAt),
                    ["lastMessageUuids"] = session.Value.LastMessageUuids,
                };
                text.Append(first ? "\n" : ",\n").Append("    ").Append(JsonWriter.Serialize(session.Key)).Append(": ").Append(JsonWriter.Serialize(entry));
                first = false;
            }

            text.Append(first ? "}\n" : "\n  }\n");
        }

        text.Append("}\n");
        string temporary = Path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            if (File.Exists(Path))
            {
                File.Replace(temporary, Path, null);
            }
            else
            {
                File.Move(temporary, Path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new LocalFileException("StateNotWritten", ErrorKind.WriteError, Path, $"The export was written, but its state could not be saved to '{Path}': {ex.Message}. The next run with this state exports these messages again.", ex);
        }
    }

    private static DateTime Utc(DateTime? time) => time?.ToUniversalTime() ?? DateTime.MinValue;

    private static DateTime? Time(JsonObject entry, string name)
    {
        string? text = entry.GetString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value.UtcDateTime
            : throw new FormatException($"\"{name}\": \"{text}\" is not a time");
    }

    /// <summary>One session's state: when it was created, and the newest messages exported.</summary>
    private sealed record Entry(DateTime? CreatedAt, DateTime? LastMessageAt, List<string> LastMessageUuids);
}
