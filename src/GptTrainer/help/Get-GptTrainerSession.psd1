@{
    Synopsis    = 'Gets one chat session, or the sessions of a chatbot.'
    Description = @'
With -SessionUuid, Get-GptTrainerSession fetches that session (GET /api/v1/session/{uuid}), including the lead-form answers and identity data the service keeps in its Meta property. Otherwise it lists the sessions of a chatbot (GET /api/v1/chatbot/{uuid}/sessions): the one given by -ChatbotUuid, a piped chatbot, or the current chatbot.

-CreatedAfter and -CreatedBefore narrow the list to a creation window; both bounds are inclusive and are sent in the API's UTC millisecond format whatever kind of DateTime is given.

A piped session carries both its own uuid and its chatbot's; it is fetched by its own uuid.
'@
    Parameters  = @{
        SessionUuid   = 'The uuids of sessions to fetch. Binds from the SessionUuid property of piped objects; plain strings piped in (such as a file''s lines) are taken as session uuids too.'
        InputObject   = 'What is piped in: strings are session uuids; other objects bind -SessionUuid and -ChatbotUuid by property name. Hidden from the syntax, since it is only ever given by the pipeline.'
        ChatbotUuid   = 'The chatbot whose sessions to list; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        CreatedAfter  = 'Lists only sessions created at or after this time. Local and unspecified times are converted to UTC.'
        CreatedBefore = 'Lists only sessions created at or before this time.'
    }
    Inputs      = @{ 'System.String' = 'Session uuids, by value; session or chatbot uuids, by the property names SessionUuid and ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Session' = 'One object per session.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support*'' | Get-GptTrainerSession -CreatedAfter (Get-Date).AddDays(-7)'
            Remarks = 'Lists the sessions opened in the last seven days on every chatbot whose name starts with Support.'
        }
        @{
            Code    = 'Get-GptTrainerSession -SessionUuid a4f5e1ef22e946b09158e5d754a044f0 | Select-Object -ExpandProperty Meta'
            Remarks = 'Shows what the service knows about the user of one session.'
        }
    )
    Links       = @('New-GptTrainerSession', 'Remove-GptTrainerSession', 'Get-GptTrainerMessage')
}
