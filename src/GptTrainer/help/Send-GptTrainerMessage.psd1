@{
    Synopsis    = 'Asks a question in a chat session and streams the reply into the pipeline as it is written.'
    Description = @'
Send-GptTrainerMessage posts a question to a session (POST /api/v1/session/{uuid}/message/stream) and writes each piece of the reply to the pipeline as a string the moment it has been read and decoded, so the next command can act on it while the rest is still being generated. Joining the pieces gives the reply exactly, newlines included; characters whose bytes arrive in different network reads are decoded correctly. Nothing accumulates the reply unless -Raw asks for it, so memory stays flat however long the reply is.

Without -SessionUuid the current session is used (the last one New-GptTrainerSession opened in this runspace). Queries piped in are sent one after the other, in order, on the same session.

With -Raw the whole reply is written as one string when it is complete. With -PassThru the stored message (uuid, finish reason, citations) is written after the reply; the stream itself carries only text, so it is fetched from the session's message list. With -AsMessage only the stored message is written, once the reply is complete: the one call a test needs.

If the connection breaks partway, the pieces already received stay in the pipeline (with -Raw, the partial text is written) and the error says the reply was cut off and how much had arrived. Ctrl+C stops the command at once in every phase: connecting, waiting for the first byte, reading, showing, or waiting to retry.

The pipeline's data is exact: the pieces, -Raw and the stored message carry the service's text byte for byte, control characters included. What -Show puts on the terminal is neutralised: each control character (C0 other than a line break or a tab, DEL, C1, and the bidirectional overrides U+202A-U+202E and U+2066-U+2069) is shown as a visible escape such as \u001B, so a reply cannot set the window's title (ESC ] 2 ;), write the clipboard (ESC ] 52 ;) or clear the screen (ESC [ 2 J), even with an escape sequence split across two pieces. A tab is shown as a space. A reply without whitespace is broken at the window's width as it arrives, in time proportional to its length and memory for one line. Warnings, verbose and progress messages are neutralised the same way. See about_GptTrainer, WHAT REACHES THE TERMINAL.
'@
    Parameters  = @{
        Query       = 'The question to ask. Takes pipeline input, so several questions can be piped in. An empty or blank query is refused before any request is sent.'
        SessionUuid = 'The session to ask in; defaults to the current session. Binds from the SessionUuid property of piped objects such as sessions from New-GptTrainerSession.'
        Show        = 'Shows the reply on the console as flowing text, wrapped to the window, the moment each piece arrives, instead of writing the pieces to the pipeline: what you want for a question typed at the prompt (PowerShell cannot tell a command typed at the prompt from one whose output a script captures, so this is a switch). Under the reply it lists the sources the reply cited, once each with the markers that cite them ([1.1, 1.2] Returns policy), as the chat does (one more request, for the stored message). With -PassThru the stored message is still written. For a whole conversation, use Enter-GptTrainerChat. To make it the default in your own sessions, add $PSDefaultParameterValues[''Send-GptTrainerMessage:Show''] = $true to your profile (never in scripts that use the output). The text shown has its control characters shown as visible escapes (\u001B); the pipeline''s data is never changed.'
        Raw         = 'Writes the whole reply as one string once it is complete, instead of piece by piece.'
        PassThru    = 'After the reply, also writes the stored GptTrainer.Models.Message, with its uuid, finish reason and parsed citations.'
        AsMessage   = 'Waits for the whole reply and writes only the stored GptTrainer.Models.Message (its Response, FinishReason and Citations), not the pieces: one call that gives what a test checks, as in $message = Send-GptTrainerMessage ''Do you ship abroad?'' -AsMessage; $message | Should -CiteSource ''Shipping''. The reply is read to its end without being kept. A reply the session does not list afterwards is a MessageNotStored error. Cannot be used with -Raw or -Show.'
        NoStream    = 'Uses the non-streamed endpoint (POST /api/v1/session/{uuid}/message/non-stream), which answers with the whole reply at once; it is written as one string. The GPT-trainer documentation does not describe this endpoint; the official Python SDK uses it against the live service.'
        DocumentPath = 'Files to upload as session documents (POST /api/v1/session-document/upload) and attach to the question, for the AI to read. They are uploaded once, before the first question, and attached to every question piped in. Each keeps its own name, whatever characters it holds, as New-GptTrainerDataSource describes. Only the non-streamed endpoint is known to accept documents, so this implies -NoStream. Neither endpoint is in the GPT-trainer documentation; the official Python SDK uses them. A document too long for the agent''s model is not an HTTP error: the service says so in the reply text.'
    }
    Inputs      = @{
        'System.String' = 'Questions, by value; a session uuid, by the property name SessionUuid.'
    }
    Outputs     = @{
        'System.String'             = 'The pieces of the reply as they arrive (or, with -Raw, the whole reply). Nothing with -AsMessage or -Show.'
        'GptTrainer.Models.Message' = 'With -PassThru, the stored message, after the reply text; with -AsMessage, the stored message alone, once the reply is complete.'
    }
    Notes       = @'
The reply is plain text: the service sends no JSON and no event-stream framing. Citation markers such as [1.1] appear in the text when the chatbot shows citations; -PassThru gives the cited sources.

Errors from the service become error records with a stable error id (Http401, Http404, Http429, ReplyCutOff, IdleTimeout, ConnectionFailed and so on), a fitting category, and the server's own message.
'@
    Examples    = @(
        @{
            Code    = 'Send-GptTrainerMessage ''What is the holiday policy?'' -Show'
            Remarks = 'At the prompt: shows the reply as flowing text while it is written.'
        }
        @{
            Code    = 'Send-GptTrainerMessage ''How do I reset my password?'' | ForEach-Object { Write-Host -NoNewline $_ }'
            Remarks = 'Shows the reply on the console as it is generated.'
        }
        @{
            Code    = '$answer = Send-GptTrainerMessage ''Summarise our refund policy'' -Raw'
            Remarks = 'Waits for the whole reply and stores it as one string.'
        }
        @{
            Code    = '''What plans do you offer?'', ''Which one includes support?'' | Send-GptTrainerMessage -Raw'
            Remarks = 'Asks two questions in order in the current session and writes each reply as one string.'
        }
        @{
            Code    = 'Send-GptTrainerMessage ''Summarise the attached contract'' -DocumentPath ./contract.pdf'
            Remarks = 'Uploads a document for this session and asks about it; the reply comes back in one piece.'
        }
        @{
            Code    = '$reply = Send-GptTrainerMessage ''Do you ship abroad?'' -PassThru
$reply[-1].Citations | Format-Table Key, Title, DataSourceUuid'
            Remarks = 'Streams the reply, then lists the sources it cited.'
        }
        @{
            Code    = '$message = Send-GptTrainerMessage ''Do you ship abroad?'' -AsMessage
$message.Response | Should -Match ''thirty countries''
$message | Should -CiteSource ''Shipping policy'''
            Remarks = 'Inside a Pester It block: one call asks and returns the stored message, whose text and citations the assertions check.'
        }
    )
    Links       = @('New-GptTrainerSession', 'Get-GptTrainerMessage')
}
