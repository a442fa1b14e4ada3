@{
    Synopsis    = 'Creates a source tag.'
    Description = 'New-GptTrainerSourceTag creates a tag (POST /api/v1/chatbot/{uuid}/source-tag/create), optionally labelling sources at once.'
    Parameters  = @{
        ChatbotUuid    = 'The chatbot; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name           = 'The tag''s name.'
        Color          = 'A hex colour such as #088F8F.'
        DataSourceUuid = 'Sources to label with the new tag.'
        WhatIf         = 'Shows the tag that would be created, without sending any request.'
        Confirm        = 'Asks for confirmation before creating the tag.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.SourceTag' = 'The new tag.' }
    Examples    = @(
        @{
            Code    = '$billing = Get-GptTrainerDataSource -ChatbotUuid $bot -Title ''*invoice*''
New-GptTrainerSourceTag -ChatbotUuid $bot -Name Billing -Color ''#FF5733'' -DataSourceUuid $billing.DataSourceUuid'
            Remarks = 'Tags every source about invoices.'
        }
    )
    Links       = @('Get-GptTrainerSourceTag', 'Set-GptTrainerSourceTag')
}
