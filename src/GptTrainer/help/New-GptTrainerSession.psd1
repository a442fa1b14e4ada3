@{
    Synopsis    = 'Opens a chat session on a chatbot and makes it the current session.'
    Description = @'
New-GptTrainerSession creates a session (POST /api/v1/chatbot/{uuid}/session/create) and makes it, and its chatbot, the current session and chatbot of this runspace, so that Send-GptTrainerMessage and Get-GptTrainerMessage need no -SessionUuid afterwards.

Without -ChatbotUuid the current chatbot is used. Chatbots piped from Get-GptTrainerChatbot bind by their ChatbotUuid property.
'@
    Parameters  = @{
        ChatbotUuid      = 'The chatbot to open the session on: 32 hex digits or a dashed GUID. Defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        InitialVariables = 'Flat name/value pairs stored with the session, for the chatbot''s agents to use as variables (the API''s initial_variables).'
        WhatIf           = 'Shows which chatbot a session would be opened on, without sending any request.'
        Confirm          = 'Asks for confirmation before creating the session.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Session' = 'The new session.' }
    Examples    = @(
        @{
            Code    = '$session = New-GptTrainerSession -ChatbotUuid 5b1c0e7d2a9f4c3e8d6b1a0f9e8d7c6b
Send-GptTrainerMessage ''What plans do you offer?'''
            Remarks = 'Opens a session and asks a question in it; the session is current, so no -SessionUuid is needed.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support bot'' | New-GptTrainerSession -InitialVariables @{ customer_id = ''C-1042''; plan = ''pro'' }'
            Remarks = 'Opens a session with variables that the chatbot''s agents can use.'
        }
    )
    Links       = @('Send-GptTrainerMessage', 'Get-GptTrainerSession', 'Remove-GptTrainerSession')
}
