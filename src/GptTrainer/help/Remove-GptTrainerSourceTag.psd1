@{
    Synopsis    = 'Deletes source tags; the sources they labelled stay.'
    Description = 'Remove-GptTrainerSourceTag deletes tags (DELETE /api/v1/source-tag/{uuid}/delete). It asks for confirmation when $ConfirmPreference is Medium or lower, or with -Confirm; -WhatIf sends no request.'
    Parameters  = @{
        SourceTagUuid = 'The tags to delete. Binds from the SourceTagUuid property of piped tags.'
        ChatbotUuid   = 'Not sent. Given (or piped), it drives tab completion of -SourceTagUuid.'
        WhatIf        = 'Shows which tags would be removed, without sending any request.'
        Confirm       = 'Asks for confirmation before removing each tag.'
    }
    Inputs      = @{ 'System.String' = 'Source tag uuids, by the property name SourceTagUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerSourceTag -ChatbotUuid $bot -Name ''tmp*'' | Remove-GptTrainerSourceTag -Confirm:$false'
            Remarks = 'Removes a chatbot''s temporary tags.'
        }
    )
    Links       = @('Get-GptTrainerSourceTag', 'New-GptTrainerSourceTag')
}
