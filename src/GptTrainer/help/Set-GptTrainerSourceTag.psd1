@{
    Synopsis    = 'Renames or recolours source tags, and adds, removes or sets the sources they label.'
    Description = @'
Set-GptTrainerSourceTag sends only what you give (POST /api/v1/source-tag/{uuid}/update). The API takes a tag's members as one list that replaces the old one, so the cmdlet offers three ways to change them:

Data sources piped in are added to the tag (or, with -Remove, taken out of it), all of them in one update per tag when the pipeline ends: Get-GptTrainerDataSource -Type upload | Set-GptTrainerSourceTag $tag. To add or remove, the cmdlet first reads the tag's current members (one request listing the chatbot's tags), so it needs the chatbot: piped data sources carry it, or give -ChatbotUuid.

-DataSourceUuid given on the command line replaces the members (an empty list removes them all), unless -Add or -Remove is given.

Tags piped in (Get-GptTrainerSourceTag | Set-GptTrainerSourceTag -Color '#00AA00') are each changed as they arrive.
'@
    Parameters  = @{
        SourceTagUuid  = 'The tags to change. Takes uuids from the pipeline, as strings or from the SourceTagUuid property of piped tags.'
        ChatbotUuid    = 'The tags'' chatbot: needed to add or remove members (their current list is read from it); defaults to the current chatbot. Also drives tab completion and is carried into the output.'
        Name           = 'The new name.'
        Color          = 'The new hex colour, such as #088F8F.'
        DataSourceUuid = 'Data sources: on the command line, the tag''s members after the change (replacing the list, unless -Add or -Remove); piped in (from the DataSourceUuid property of data sources), sources to add, or with -Remove, to take out.'
        Add            = 'Adds the -DataSourceUuid sources to the tag''s members instead of replacing them.'
        Remove         = 'Takes the -DataSourceUuid sources, given or piped, out of the tag''s members.'
        PassThru       = 'Writes the updated tag to the pipeline.'
        WhatIf         = 'Shows what would change, without sending any request.'
        Confirm        = 'Asks for confirmation before changing each tag.'
    }
    Inputs      = @{
        'GptTrainer.Models.DataSource' = 'Data sources to add to the tag (or to remove, with -Remove), by the property names DataSourceUuid and ChatbotUuid.'
        'System.String'                = 'Source tag uuids, by value or by the property name SourceTagUuid.'
    }
    Outputs     = @{
        'None'                        = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.SourceTag' = 'With -PassThru, the updated tag.'
    }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -Title ''*invoice*'' | Set-GptTrainerSourceTag -SourceTagUuid $billing.SourceTagUuid -PassThru'
            Remarks = 'Adds every source whose title mentions invoices to the Billing tag, in one update.'
        }
        @{
            Code    = 'Get-GptTrainerDataSource -Status error | Set-GptTrainerSourceTag $billing.SourceTagUuid -Remove'
            Remarks = 'Takes the sources that failed to process out of the tag.'
        }
        @{
            Code    = 'Set-GptTrainerSourceTag $billing.SourceTagUuid -Name ''Billing & invoices'' -Color ''#088F8F'''
            Remarks = 'Renames and recolours a tag.'
        }
    )
    Links       = @('Get-GptTrainerSourceTag', 'New-GptTrainerSourceTag', 'Get-GptTrainerDataSource')
}
