@{
    Synopsis    = 'Gets the chatbots of the account: all of them, one by uuid, or those whose name matches.'
    Description = @'
Get-GptTrainerChatbot lists the chatbots of the account that owns the API key (GET /api/v1/chatbots), or fetches one by uuid (GET /api/v1/chatbot/{uuid}). The API nests a chatbot's settings under "meta"; the output objects show them as plain properties.

-Name filters the list by name, case-insensitively, with wildcards. As with Get-Process, a name without wildcards that matches no chatbot is reported as an ObjectNotFound error, while a wildcard pattern that matches nothing is not an error.
'@
    Parameters  = @{
        ChatbotUuid = 'The uuid of one chatbot: 32 hex digits, or a dashed GUID. Binds from the ChatbotUuid property of piped objects, such as sessions created by New-GptTrainerSession.'
        Name        = 'Only chatbots whose name matches one of these patterns. Wildcards are allowed; matching ignores case.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Chatbot' = 'One object per chatbot.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot'
            Remarks = 'Lists every chatbot of the account.'
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
