@{
    Synopsis    = 'Deletes agents.'
    Description = 'Remove-GptTrainerAgent deletes agents (DELETE /api/v1/agent/{uuid}/delete). It asks for confirmation when $ConfirmPreference is Medium or lower, or with -Confirm; -WhatIf sends no request.'
    Parameters  = @{
        AgentUuid   = 'The agents to delete. Binds from the AgentUuid property of piped agents.'
        ChatbotUuid = 'Not sent. Given (or piped), it drives tab completion of -AgentUuid.'
        WhatIf      = 'Shows which agents would be removed, without sending any request.'
        Confirm     = 'Asks for confirmation before removing each agent.'
    }
    Inputs      = @{ 'System.String' = 'Agent uuids, by the property name AgentUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerAgent -ChatbotUuid $bot -Name ''Old *'' | Remove-GptTrainerAgent -Confirm:$false'
            Remarks = 'Removes a chatbot''s agents whose names start with Old.'
        }
    )
    Links       = @('Get-GptTrainerAgent', 'New-GptTrainerAgent')
}
