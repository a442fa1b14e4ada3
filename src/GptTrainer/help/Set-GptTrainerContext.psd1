@{
    Synopsis    = 'Makes an existing session (and its chatbot) the current one of this runspace.'
    Description = @'
Set-GptTrainerContext makes a session the current session, as New-GptTrainerSession does for a session it creates, so that Send-GptTrainerMessage, Get-GptTrainerMessage and Enter-GptTrainerChat use it when no -SessionUuid is given. Get-GptTrainerContext shows the current chatbot (with its name, when the module has seen it) and session.

The session is checked first (GET /api/v1/session/{uuid}), so a mistyped uuid fails here rather than at the next message. The API does not say which chatbot a session belongs to: give -ChatbotUuid too, or pipe in a session from Get-GptTrainerSession, which carries both. -ChatbotUuid alone makes a chatbot current without a session.
'@
    Parameters  = @{
        SessionUuid = 'The session to make current. Binds from the SessionUuid property of piped sessions.'
        ChatbotUuid = 'The chatbot the session belongs to, or, alone, the chatbot to make current. Binds from the ChatbotUuid property of piped objects.'
        PassThru    = 'Writes the resulting context (as Get-GptTrainerContext shows it).'
        WhatIf      = 'Shows which session would become current, without sending any request or changing anything.'
        Confirm     = 'Asks for confirmation first.'
    }
    Inputs      = @{ 'GptTrainer.Models.Session' = 'A session, by the property names SessionUuid and ChatbotUuid.' }
    Outputs     = @{
        'None'                      = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.Context' = 'With -PassThru, the context now in effect.'
    }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid | Select-Object -Last 1 | Set-GptTrainerContext -PassThru'
            Remarks = 'Makes the latest session of a chatbot the current one.'
        }
        @{
            Code    = 'Set-GptTrainerContext -ChatbotUuid $bot.ChatbotUuid
New-GptTrainerSession'
            Remarks = 'Makes a chatbot current, then opens a session on it without naming it again.'
        }
    )
    Links       = @('Get-GptTrainerContext', 'New-GptTrainerSession', 'Enter-GptTrainerChat')
}
