@{
    Synopsis    = 'Deletes a chatbot and everything under it.'
    Description = @'
Remove-GptTrainerChatbot deletes a chatbot (DELETE /api/v1/chatbot/{uuid}/delete) together with its agents, sessions, messages, data sources and source tags. Because that cannot be undone, its ConfirmImpact is High: it asks for confirmation unless -Confirm:$false is given. -WhatIf shows what would be removed without sending any request.

If the chatbot was the current chatbot of this runspace, there is no current chatbot or session afterwards.
'@
    Parameters  = @{
        ChatbotUuid = 'The chatbot to delete. Binds from the ChatbotUuid property of piped objects; tab completion lists chatbots by name.'
        WhatIf      = 'Shows which chatbots would be removed, without sending any request.'
        Confirm     = 'Asks for confirmation (the default for this cmdlet); -Confirm:$false removes without asking.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Test *'' | Remove-GptTrainerChatbot -WhatIf'
            Remarks = 'Shows which test chatbots would be removed.'
        }
        @{
            Code    = 'Remove-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid -Confirm:$false'
            Remarks = 'Removes one chatbot without asking, as a cleanup script would.'
        }
    )
    Links       = @('Get-GptTrainerChatbot', 'New-GptTrainerChatbot')
}
