@{
    Synopsis    = 'Deletes chat sessions and their messages.'
    Description = @'
Remove-GptTrainerSession deletes a session and every message in it (POST /api/v1/session/{uuid}/delete; the API has no bulk session delete, so each piped session is one request). If the session was the current session of this runspace, there is no current session afterwards.

It asks for confirmation when $ConfirmPreference is Medium or lower, or with -Confirm; -WhatIf shows what would be removed without sending any request.
'@
    Parameters  = @{
        SessionUuid = 'The session to delete. Binds from the SessionUuid property of piped objects, so sessions from Get-GptTrainerSession can be piped in.'
        ChatbotUuid = 'Not sent. Given (or piped), it drives tab completion of -SessionUuid.'
        WhatIf      = 'Shows which sessions would be removed, without sending any request.'
        Confirm     = 'Asks for confirmation before removing each session.'
    }
    Inputs      = @{ 'System.String' = 'Session uuids, by the property name SessionUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot -CreatedBefore (Get-Date).AddDays(-90) | Remove-GptTrainerSession -WhatIf'
            Remarks = 'Shows which sessions older than 90 days would be removed; run again without -WhatIf to remove them.'
        }
        @{
            Code    = 'Remove-GptTrainerSession -SessionUuid a4f5e1ef22e946b09158e5d754a044f0 -Confirm:$false'
            Remarks = 'Removes one session without asking.'
        }
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot -User ann@example.org | Remove-GptTrainerSession -WhatIf'
            Remarks = 'An erasure request: shows the sessions whose lead form or verified identity holds ann@example.org, which would be removed; run again without -WhatIf to remove them. Get-Help Get-GptTrainerSession -Examples has it as a runbook that keeps an evidence log.'
        }
    )
    Links       = @('Get-GptTrainerSession', 'New-GptTrainerSession')
}
