@{
    Synopsis    = 'Writes a chatbot''s conversations to a JSON Lines or CSV file, one record per message, optionally only what is new since the last export.'
    Description = @'
Export-GptTrainerConversation writes the conversations of a chatbot to a file: every session of the chatbot (GET /api/v1/chatbot/{uuid}/sessions), those created within -CreatedAfter and -CreatedBefore, or only the sessions piped in, such as those Get-GptTrainerSession -User finds. For each session it reads the session (GET /api/v1/session/{uuid}, for the lead form and identity the list does not carry) and its messages (GET /api/v1/session/{uuid}/messages), and writes one record per message, oldest first:

chatbot_uuid, session_uuid, session_created_at; lead_form (the session's meta.user: the answers the visitor gave the lead form, such as name and e-mail) and identity (meta.auth_data: what the customer's identity verification returned), where the service has them; message_uuid, message_created_at, question, answer, finish_reason (stop, or length when the token limit cut the answer); sources (the titles of the sources the answer cites); labels (the conversation labels the web app gave); rating (up or down, read from feedback_json; see NOTES) and feedback_json as the service gave it; detected_frustrations; error_message. Times are UTC, ISO 8601.

STREAMED, AND IN PARALLEL. Records go to the file as each session's messages arrive, so memory holds a few sessions at a time whatever the chatbot's size, and a file cut short by a failure ends on whole records. -ThrottleLimit sessions are read at once (4 by default) over the module's one connection pool. Sessions are written in the order they finish, each session's messages together; sort by session_created_at and message_created_at for another order. A progress bar shows the sessions done of the sessions found. A session that cannot be read is an error about that session (its uuid is the target), and the others go on; nothing of it is written.

FORMATS. -Format JsonLines (the default, unless -Path ends in .csv) writes one JSON object per line, UTF-8 without a byte order mark: every value exactly as the service gave it, lead_form and identity as objects, sources and labels as arrays. For scripts, databases and tools such as jq. -Format Csv writes a file for a spreadsheet: UTF-8 with a byte order mark (without it, Excel reads a .csv file in the computer's ANSI code page and garbles every accented letter), the header row first, every cell quoted as RFC 4180 has it (so commas, quotes and line breaks stay in their cell), CRLF between records; lead_form and identity as their JSON text, sources and labels joined by "; ". The columns are the same in every file, so night after night of -Append keeps one header. Answers come from a language model and questions from anyone, so no cell may run as a formula in the spreadsheet of whoever opens the file (CSV injection): a cell that starts with =, +, -, @, a tab or a carriage return (or, after spaces, with one of the first four) gets a leading apostrophe, which spreadsheets show as text. Use JSON Lines where the exact text matters.

ONLY WHAT IS NEW. With -StatePath, the export reads a small JSON file that says, for each session, the newest message it has exported; it then writes only the messages after those (the service's times have whole seconds, so messages of the same second are told apart by their uuids), and every message of sessions it has not seen. So a session created since the last run is exported whole, and a session that got new messages gets only those. The state is written when the export ends, also when it ends in an error or with Ctrl+C, for exactly the sessions whose records reached the file. The file is readable: open it to see what was exported up to when. It belongs to one chatbot: a state file of another chatbot's exports is refused before any request (StateOfAnotherChatbot), since it would make the export leave out messages or write them twice. Sessions the chatbot no longer lists (removed by a retention sweep) are forgotten, which keeps it small. The API cannot list messages since a time, so every run reads the messages of every session it exports.

BEFORE ANY REQUEST. The file to write must be writable: a path in a folder that does not exist is FolderNotFound (ObjectNotFound), a folder is PathIsAFolder (InvalidArgument), and a file that cannot be written is PathNotWritable (PermissionDenied or WriteError); the same for -StatePath. A -StatePath that is not a state file is StateNotReadable; one of another chatbot, StateOfAnotherChatbot. With -Append, a CSV file must start with this export's header (NotAnExportFile). -CreatedAfter later than -CreatedBefore is InvalidTimeWindow. Each of these errors names the value as its target, ends the command and obeys -ErrorAction like any other. Without -Append an existing file is replaced, once the chatbot's sessions are listed: an export whose chatbot cannot be listed (a wrong uuid) leaves the file as it was. A file that cannot be written midway (a full disk) ends the export with ExportNotWritten (WriteError); the state then records only what reached the file.

OUTPUT. One GptTrainer.Models.ConversationExportResult per chatbot: the file, what was found and written (SessionsFound, SessionsExported, Messages, SessionsFailed, SessionUuids) and when (StartedAt, FinishedAt), the record of what an export did; and a one-line summary on the information stream, shown like Write-Host (-InformationAction Ignore hides it). -WhatIf says what would be written and sends nothing.
'@
    Parameters  = @{
        ChatbotUuid   = 'The chatbot whose conversations to export; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects, so chatbots from Get-GptTrainerChatbot can be piped in (each gets its own result, all in one file).'
        Path          = 'The file to write, taken literally. Replaced if it exists, unless -Append is given. Its folder must exist.'
        SessionUuid   = 'Only these sessions instead of the chatbot''s whole list. Binds from the SessionUuid property of piped objects, so sessions from Get-GptTrainerSession can be piped in.'
        InputObject   = 'What is piped in: a session from Get-GptTrainerSession is exported with the lead form and identity it carries; a string is a session uuid; other objects bind -ChatbotUuid and -SessionUuid by property name. Hidden from the syntax, since it is only ever given by the pipeline.'
        Format        = 'JsonLines (one JSON object per line, exact) or Csv (for spreadsheets: UTF-8 with a byte order mark, quoted cells, no cell that runs as a formula). Defaults to Csv when -Path ends in .csv, else JsonLines.'
        CreatedAfter  = 'Exports only the chatbot''s sessions created at or after this time (any kind of DateTime; sent as UTC). Selects from the chatbot''s list, not among piped sessions.'
        CreatedBefore = 'Exports only the chatbot''s sessions created at or before this time. Selects from the chatbot''s list, not among piped sessions.'
        StatePath     = 'A state file that makes the export write only what is new since the export that last wrote it: messages of sessions it has not seen, and messages added to those it has. Created by the first run; updated by every run, for the sessions whose records were written. One state file per chatbot.'
        Append        = 'Adds the records to the end of -Path instead of replacing it, as a nightly archive with -StatePath does. A new file is created as usual; a CSV file must start with this export''s header.'
        ThrottleLimit = 'How many sessions are read at once, 1 to 16 (4 by default).'
        WhatIf        = 'Says which file would be written with the conversations of which chatbots, and sends no request and writes nothing.'
        Confirm       = 'Asks before writing the file.'
    }
    Inputs      = @{
        'GptTrainer.Models.Session' = 'Sessions to export, such as those Get-GptTrainerSession -User finds.'
        'GptTrainer.Models.Chatbot' = 'Chatbots whose conversations to export, by the property name ChatbotUuid.'
        'System.String'             = 'Session uuids.'
    }
    Outputs     = @{ 'GptTrainer.Models.ConversationExportResult' = 'One per chatbot: ChatbotUuid, Path, Format, SessionsFound, SessionsExported, Messages, SessionsFailed, SessionUuids, StatePath, StartedAt, FinishedAt.' }
    Notes       = @'
What the service keeps in feedback_json, labels and detected_frustrations is not documented. rating is up or down when feedback_json holds a rating-like value (up/down, positive/negative, like/dislike, 1/-1, true/false, alone or under a key such as rating, vote, thumbs or feedback), and empty otherwise; feedback_json itself is always written as the service gave it.

The session list of the reference carries no lead form or identity, so each session is read on its own: two requests per session. A session piped in from Get-GptTrainerSession -User already carries them, and only its messages are read.

In Python, read the CSV with encoding="utf-8-sig" (the byte order mark is then not taken as part of the first column's name); pandas: pd.read_csv(path, encoding="utf-8-sig"). Excel shows at most 32,767 characters in a cell; longer answers are whole in JSON Lines.
'@
    Examples    = @(
        @{
            Code    = 'Export-GptTrainerConversation -ChatbotUuid $bot.ChatbotUuid -Path ./support.csv -CreatedAfter (Get-Date).AddDays(-30)'
            Remarks = 'Writes the last 30 days of the chatbot''s conversations to a CSV file that opens in Excel, one row per message.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support'' | Export-GptTrainerConversation -Path ./archive/support.jsonl -StatePath ./archive/support.state.json -Append'
            Remarks = 'A nightly runbook step: adds to the archive every message since the last run (new sessions, and new messages of older ones), and updates the state file. The first run exports everything.'
        }
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -User ann@example.org | Export-GptTrainerConversation -Path ./ann.jsonl'
            Remarks = 'An access request: exports every conversation whose lead form or verified identity holds ann@example.org. Get-Help Get-GptTrainerSession -Examples has the whole runbook, with the evidence log.'
        }
        @{
            Code    = @'
$null = Export-GptTrainerConversation -Path ./support.jsonl
Get-Content ./support.jsonl | ConvertFrom-Json | Where-Object rating -eq 'down' | Select-Object session_uuid, question, answer, sources
'@
            Remarks = 'Exports the current chatbot''s conversations, then lists the answers users rated down, with what they cited.'
        }
    )
    Links       = @('Get-GptTrainerSession', 'Get-GptTrainerUsage', 'Get-GptTrainerMessage', 'Remove-GptTrainerSession')
}
