@{
    Synopsis    = 'Chats with a chatbot at the prompt: the reply appears as flowing text while it is written.'
    Description = @'
Enter-GptTrainerChat starts a conversation at the PowerShell prompt. It reads a question, sends it to the session (POST /api/v1/session/{uuid}/message/stream) and shows the reply as flowing text, wrapped to the window, the moment each piece arrives; then it lists the sources the reply cited (marker and title, from the stored message) and asks for the next question.

Without parameters it chats with the current chatbot: in the current session when there is one, otherwise in a new session. -ChatbotUuid picks the chatbot (tab completion offers them by name), -SessionUuid continues a session. The chat's session is made the current session, and stays current when the chat ends, so Get-GptTrainerMessage or Send-GptTrainerMessage can go on with it.

Commands inside the chat: /new starts a new session with the same chatbot, /sources lists the chatbot's data sources, /history shows this session's questions and replies, /help lists the commands, /exit leaves.

Ctrl+C while a reply is arriving stops that reply: what arrived stays on screen, marked [reply cut short], and the chat asks for the next question. Ctrl+C at the chat's prompt, or /exit, leaves the chat. A question that fails (a 429 after its retries, a 500, a dropped connection) shows its error and the chat goes on.

Everything the chat shows is neutralised for the terminal: in the reply, /history and /sources, each control character (C0 other than a line break or a tab, DEL, C1, and the bidirectional overrides U+202A-U+202E and U+2066-U+2069) is shown as a visible escape such as \u001B, so the service cannot set the window's title, write the clipboard or clear the screen, even with an escape sequence split across two pieces of a reply; a tab is shown as a space. A reply without whitespace is broken at the window's width as it arrives, and Ctrl+C stops it between two pieces. The stored messages (Get-GptTrainerMessage) keep the service's text exactly. See about_GptTrainer, WHAT REACHES THE TERMINAL.

The chat needs someone to type: in a host that cannot read input (a runbook, pwsh -NonInteractive, a CI job with redirected input) it refuses at once with NotInteractive instead of waiting. Scripts use Send-GptTrainerMessage.
'@
    Parameters  = @{
        ChatbotUuid = 'The chatbot to chat with; defaults to the current chatbot. Tab completion offers the chatbots by name. Binds from the ChatbotUuid property of piped objects.'
        SessionUuid = 'A session to continue; defaults to the current session when it belongs to the chatbot, otherwise a new session is opened. Binds from the SessionUuid property of piped sessions.'
    }
    Inputs      = @{ 'GptTrainer.Models.Session' = 'A session to continue (and its chatbot), by the property names SessionUuid and ChatbotUuid.' }
    Outputs     = @{ 'None' = 'The conversation is shown on the console; nothing is written to the pipeline. Get-GptTrainerMessage returns it afterwards.' }
    Examples    = @(
        @{
            Code    = 'Enter-GptTrainerChat -ChatbotUuid (Get-GptTrainerChatbot ''HR helpdesk'').ChatbotUuid'
            Remarks = 'Starts a chat with the HR helpdesk chatbot in a new session.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot ''Support*'' | Select-Object -First 1 | Enter-GptTrainerChat'
            Remarks = 'Chats with the first chatbot whose name starts with Support.'
        }
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot | Select-Object -Last 1 | Enter-GptTrainerChat'
            Remarks = 'Continues the latest session of a chatbot; /history shows what was said so far.'
        }
    )
    Links       = @('Send-GptTrainerMessage', 'Get-GptTrainerMessage', 'New-GptTrainerSession')
}
