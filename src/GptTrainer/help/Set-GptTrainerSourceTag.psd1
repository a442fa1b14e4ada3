@{
    Synopsis    = 'Renames or recolours a source tag, or sets which sources it labels.'
    Description = 'Set-GptTrainerSourceTag sends only what you give (POST /api/v1/source-tag/{uuid}/update). -DataSourceUuid replaces the tag''s members: to add a source, pass the current members plus the new one; an empty list removes them all.'
    Parameters  = @{
        SourceTagUuid  = 'The tag to change. Binds from the SourceTagUuid property of piped tags.'
        ChatbotUuid    = 'Not sent. Given (or piped), it drives tab completion and is carried into the output.'
        Name           = 'The new name.'
        Color          = 'The new hex colour, such as #088F8F.'
        DataSourceUuid = 'The sources the tag labels after the change (replaces the list).'
        PassThru       = 'Writes the updated tag to the pipeline.'
        WhatIf         = 'Shows what would change, without sending any request.'
        Confirm        = 'Asks for confirmation before changing each tag.'
    }
    Inputs      = @{ 'System.String' = 'A source tag uuid, by the property name SourceTagUuid.' }
    Outputs     = @{
        'None'                        = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.SourceTag' = 'With -PassThru, the updated tag.'
    }
    Examples    = @(
        @{
            Code    = '$tag = Get-GptTrainerSourceTag -ChatbotUuid $bot -Name Billing
$tag | Set-GptTrainerSourceTag -DataSourceUuid ($tag.DataSourceUuids + $newSource.DataSourceUuid) -PassThru'
            Remarks = 'Adds one more source to a tag, keeping its current members.'
        }
    )
    Links       = @('Get-GptTrainerSourceTag', 'Remove-GptTrainerSourceTag')
}
