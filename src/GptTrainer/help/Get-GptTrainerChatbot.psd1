@{
    Synopsis    = 'Gets the chatbots of the account: all of them, those whose name matches, or chatbots by uuid.'
    Description = @'
Get-GptTrainerChatbot lists the chatbots of the account that owns the API key (GET /api/v1/chatbots), or fetches one by uuid (GET /api/v1/chatbot/{uuid}). The API nests a chatbot's settings under "meta"; the output objects show them as plain properties.

-Name, the first positional parameter, filters the list by name, case-insensitively, with wildcards. As with Get-Process, a name without wildcards that matches no chatbot is reported as an ObjectNotFound error, while a wildcard pattern that matches nothing is not an error. A uuid given in its place is fetched by uuid, so 'Get-GptTrainerChatbot Support*' and 'Get-GptTrainerChatbot <uuid>' both work, and strings piped in (names or uuids, such as the lines of a file) are treated the same way. Tab completion offers the chatbots' names.
'@
    Parameters  = @{
        ChatbotUuid = 'The uuids of chatbots to fetch: 32 hex digits, or dashed GUIDs. Binds from the ChatbotUuid property of piped objects, such as sessions created by New-GptTrainerSession.'
        InputObject = 'What is piped in: strings (names or uuids) count as -Name; other objects bind -ChatbotUuid by property name. Hidden from the syntax, since it is only ever given by the pipeline.'
        Name        = 'Only chatbots whose name matches one of these patterns (wildcards allowed, case ignored). A value that is a uuid fetches that chatbot instead. The first positional parameter; takes strings from the pipeline.'
    }
    Inputs      = @{ 'System.String' = 'Names or uuids, by value; chatbot uuids, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Chatbot' = 'One object per chatbot.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot'
            Remarks = 'Lists every chatbot of the account.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot ''Support*'''
            Remarks = 'Lists the chatbots whose name starts with Support.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support*'' | New-GptTrainerSession | Send-GptTrainerMessage -Query ''hello'''
            Remarks = 'Opens a session on each chatbot whose name starts with Support and streams each reply into the pipeline.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot 5b1c0e7d2a9f4c3e8d6b1a0f9e8d7c6b | Format-List *'
            Remarks = 'Shows every property of one chatbot, including its rate limit and citation settings.'
        }
    )
    Links       = @('New-GptTrainerSession', 'Get-GptTrainerSession')
}
