@{
    Synopsis    = 'Renames a data source.'
    Description = 'Set-GptTrainerDataSource changes a source''s title (POST /api/v1/data-source/{uuid}/update), which is what citations show. The title is the only setting the API lets you change.'
    Parameters  = @{
        DataSourceUuid = 'The source to rename. Binds from the DataSourceUuid property of piped sources.'
        ChatbotUuid    = 'Not sent. Given (or piped), it drives tab completion of -DataSourceUuid and is carried into the output.'
        Title          = 'The new title.'
        PassThru       = 'Writes the renamed source to the pipeline.'
        WhatIf         = 'Shows the rename, without sending any request.'
        Confirm        = 'Asks for confirmation before renaming.'
    }
    Inputs      = @{ 'System.String' = 'A data source uuid, by the property name DataSourceUuid.' }
    Outputs     = @{
        'None'                         = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.DataSource' = 'With -PassThru, the renamed source.'
    }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -ChatbotUuid $bot -Title ''plans.pdf'' | Set-GptTrainerDataSource -Title ''Pricing plans'' -PassThru'
            Remarks = 'Gives an uploaded file a title that reads well in citations.'
        }
    )
    Links       = @('Get-GptTrainerDataSource')
}
