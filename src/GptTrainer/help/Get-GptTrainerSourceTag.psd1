@{
    Synopsis    = 'Gets the source tags of a chatbot.'
    Description = 'Get-GptTrainerSourceTag lists a chatbot''s source tags (GET /api/v1/chatbot/{uuid}/source-tags), each with its colour and the uuids of the sources it labels.'
    Parameters  = @{
        ChatbotUuid = 'The chatbot; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name        = 'Only tags whose name matches one of these patterns (wildcards allowed, case ignored).'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.SourceTag' = 'One object per tag.' }
    Examples    = @(
        @{
            Code    = '$tag = Get-GptTrainerSourceTag -ChatbotUuid $bot -Name Billing
Get-GptTrainerDataSource -ChatbotUuid $bot -DataSourceUuid $tag.DataSourceUuids'
            Remarks = 'Lists the sources tagged Billing.'
        }
    )
    Links       = @('New-GptTrainerSourceTag', 'Set-GptTrainerSourceTag')
}
