@{
    Synopsis    = 'Deletes messages from sessions.'
    Description = @'
Remove-GptTrainerMessage deletes stored question/answer pairs. Each piped message is confirmed as it arrives; the confirmed ones are deleted together at the end: one message through POST /api/v1/message/{uuid}/delete, several through the bulk endpoint POST /api/v1/messages/delete, in batches of 100.

It asks for confirmation when $ConfirmPreference is Medium or lower, or with -Confirm; -WhatIf sends no request.
'@
    Parameters  = @{
        MessageUuid = 'The messages to delete. Binds from the MessageUuid property of piped messages.'
        WhatIf      = 'Shows which messages would be removed, without sending any request.'
        Confirm     = 'Asks for confirmation before removing each message.'
    }
    Inputs      = @{ 'System.String' = 'Message uuids, by the property name MessageUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerMessage | Where-Object Query -Match ''password'' | Remove-GptTrainerMessage -Confirm:$false'
            Remarks = 'Deletes the exchanges of the current session that mention passwords, in one request.'
        }
    )
    Links       = @('Get-GptTrainerMessage', 'Send-GptTrainerMessage')
}
