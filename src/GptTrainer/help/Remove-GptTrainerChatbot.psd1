@{
    Synopsis    = 'Deletes chatbots and everything under them.'
    Description = @'
Remove-GptTrainerChatbot deletes a chatbot (DELETE /api/v1/chatbot/{uuid}/delete) together with its agents, sessions, messages, data sources and source tags. Because that cannot be undone, its ConfirmImpact is High: it asks for confirmation unless -Force or -Confirm:$false is given, and the question names the chatbot ("chatbot 'HR helpdesk' (b29325ca...)"), fetching it first if the module has not seen its name. -WhatIf shows what would be removed without sending any request. Several uuids, given or piped (as objects or as plain strings), are removed one by one; one that fails does not stop the others.

If the chatbot was the current chatbot of this runspace, there is no current chatbot or session afterwards.
'@
    Parameters  = @{
        ChatbotUuid = 'The chatbots to delete. Takes uuids from the pipeline, as strings or from the ChatbotUuid property of piped objects; tab completion lists chatbots by name.'
        Force       = 'Removes without asking for confirmation, as PowerShell''s own high-impact cmdlets do with -Force. -WhatIf and an explicit -Confirm still apply.'
        WhatIf      = 'Shows which chatbots would be removed, without sending any request.'
        Confirm     = 'Asks for confirmation (the default for this cmdlet); -Confirm:$false removes without asking.'
    }
    Inputs      = @{ 'System.String' = 'Chatbot uuids, by value or by the property name ChatbotUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Test *'' | Remove-GptTrainerChatbot -WhatIf'
            Remarks = 'Shows which test chatbots would be removed.'
        }
        @{
            Code    = 'Remove-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid -Force'
            Remarks = 'Removes one chatbot without asking, as a cleanup script would.'
        }
        @{
            Code    = 'Get-Content ./old-bots.txt | Remove-GptTrainerChatbot'
            Remarks = 'Removes the chatbots whose uuids are listed in a file, one per line, asking about each.'
        }
    )
    Links       = @('Get-GptTrainerChatbot', 'New-GptTrainerChatbot')
}
