@{
    Synopsis    = 'Gets the data sources (knowledge) of a chatbot.'
    Description = @'
Get-GptTrainerDataSource lists a chatbot's data sources (GET /api/v1/chatbot/{uuid}/data-sources): uploaded files, web pages, Q&A pairs and others. Type and Status are open sets of strings (upload, link, qa...; await, embedding, success, error...). For Q&A sources, Question and Answer are read from the JSON in meta_json, which is also kept as received in MetaJson.
'@
    Parameters  = @{
        ChatbotUuid    = 'The chatbot; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Title          = 'Only sources whose title matches one of these patterns (wildcards allowed, case ignored).'
        Type           = 'Only sources of these types: upload, link, qa, file, google-drive, table, image or video, or a wildcard. Any other value is refused (UnknownValue) before any request, with the list, because a typo would otherwise find nothing and say nothing; a wildcard also matches types the service may add.'
        Status         = 'Only sources with these statuses: success, await, queued, pending, assigned, downloading, extracting, chunking, embedding, running, error, error:token, error:storage or fail, or a wildcard (error* for every failure). Any other value is refused (UnknownValue) before any request, with the list; a wildcard also matches statuses the service may add.'
        DataSourceUuid = 'Only these sources. A uuid the chatbot has no source for is an ObjectNotFound error (DataSourceNotFound).'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.DataSource' = 'One object per data source.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -ChatbotUuid $bot -Status error*, fail | Restart-GptTrainerDataSource'
            Remarks = 'Finds the sources whose processing failed and asks the service to process them again.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support bot'' | Get-GptTrainerDataSource -Type qa | Format-Table Question, Answer'
            Remarks = 'Lists the Q&A pairs a chatbot knows.'
        }
    )
    Links       = @('New-GptTrainerDataSource', 'Remove-GptTrainerDataSource')
}
