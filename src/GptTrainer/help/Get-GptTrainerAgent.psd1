@{
    Synopsis    = 'Gets the agents of a chatbot.'
    Description = @'
Get-GptTrainerAgent lists a chatbot's agents (GET /api/v1/chatbot/{uuid}/agents), including the default "General Q&A". The API nests model settings under "meta" and writes "enabled" as 0/1 or true/false; the output shows them as plain properties and a boolean.

The API cannot fetch a single agent, so -AgentUuid and -Name filter the chatbot's list.
'@
    Parameters  = @{
        ChatbotUuid = 'The chatbot whose agents to list; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name        = 'Only agents whose name matches one of these patterns (wildcards allowed, case ignored). A plain name that matches nothing is an error.'
        AgentUuid   = 'Only these agents; a uuid the chatbot does not have is reported as ObjectNotFound.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Agent' = 'One object per agent.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support bot'' | Get-GptTrainerAgent'
            Remarks = 'Lists the agents of one chatbot.'
        }
        @{
            Code    = 'Get-GptTrainerAgent -ChatbotUuid $bot | Where-Object { -not $_.Enabled }'
            Remarks = 'Finds the agents that are switched off.'
        }
    )
    Links       = @('New-GptTrainerAgent', 'Set-GptTrainerAgent', 'Enable-GptTrainerAgent')
}
