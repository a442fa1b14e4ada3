@{
    Synopsis    = 'Gets the source tags of a chatbot.'
    Description = 'Get-GptTrainerSourceTag lists a chatbot''s source tags (GET /api/v1/chatbot/{uuid}/source-tags), each with its colour and the uuids of the sources it labels.'
    Parameters  = @{
        ChatbotUuid = 'The chatbot; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name        = 'Only tags whose name matches one of these patterns (wildcards allowed, case ignored). A name without wildcards that matches no tag is an ObjectNotFound error (NameNotFound).'
        SourceTagUuid = 'Only these tags (the API cannot fetch one tag on its own, so this filters the list). A uuid the chatbot has no tag for is an ObjectNotFound error (SourceTagNotFound).'
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
