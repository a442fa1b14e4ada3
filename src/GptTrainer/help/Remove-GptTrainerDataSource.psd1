@{
    Synopsis    = 'Deletes data sources.'
    Description = @'
Remove-GptTrainerDataSource deletes sources. Each piped source is confirmed as it arrives; the confirmed ones are deleted together at the end: one source through POST /api/v1/data-source/{uuid}/delete, several through the bulk endpoint POST /api/v1/data-sources/delete, in batches of 100.

It asks for confirmation when $ConfirmPreference is Medium or lower, or with -Confirm; -WhatIf sends no request.
'@
    Parameters  = @{
        DataSourceUuid = 'The sources to delete. Binds from the DataSourceUuid property of piped sources.'
        ChatbotUuid    = 'Not sent. Given (or piped), it drives tab completion of -DataSourceUuid.'
        WhatIf         = 'Shows which sources would be removed, without sending any request.'
        Confirm        = 'Asks for confirmation before removing each source.'
    }
    Inputs      = @{ 'System.String' = 'Data source uuids, by the property name DataSourceUuid.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -ChatbotUuid $bot -Title ''*2023*'' | Remove-GptTrainerDataSource -WhatIf'
            Remarks = 'Shows which of last year''s sources would be removed.'
        }
    )
    Links       = @('Get-GptTrainerDataSource', 'New-GptTrainerDataSource')
}
