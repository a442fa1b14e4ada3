@{
    Synopsis    = 'Creates a source tag, labelling the sources given or piped in.'
    Description = @'
New-GptTrainerSourceTag creates a tag (POST /api/v1/chatbot/{uuid}/source-tag/create). Data sources piped in all go into the one tag being created, made when the pipeline ends: Get-GptTrainerDataSource -Type upload | New-GptTrainerSourceTag -Name Files -Color '#088F8F' creates one tag labelling every uploaded file. If the piped sources belong to several chatbots, each chatbot gets its tag.
'@
    Parameters  = @{
        ChatbotUuid    = 'The chatbot; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects (chatbots or data sources).'
        Name           = 'The tag''s name.'
        Color          = 'A hex colour such as #088F8F.'
        DataSourceUuid = 'Sources to label with the new tag. Binds from the DataSourceUuid property of piped data sources; all of them go into the one tag.'
        WhatIf         = 'Shows the tag that would be created, without sending any request.'
        Confirm        = 'Asks for confirmation before creating the tag.'
    }
    Inputs      = @{ 'GptTrainer.Models.DataSource' = 'Data sources to label, by the property names DataSourceUuid and ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.SourceTag' = 'The new tag (one per chatbot the sources belong to).' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -ChatbotUuid $bot -Title ''*invoice*'' | New-GptTrainerSourceTag -Name Billing -Color ''#FF5733'''
            Remarks = 'Creates one Billing tag labelling every source about invoices.'
        }
        @{
            Code    = 'New-GptTrainerSourceTag -Name Drafts -Color ''#999999'''
            Remarks = 'Creates an empty tag on the current chatbot.'
        }
    )
    Links       = @('Get-GptTrainerSourceTag', 'Set-GptTrainerSourceTag')
}
