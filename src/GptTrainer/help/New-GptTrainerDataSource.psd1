@{
    Synopsis    = 'Adds knowledge to a chatbot: uploads files, adds web pages, or adds a question/answer pair.'
    Description = @'
New-GptTrainerDataSource has three forms:

-Path or -LiteralPath uploads files (POST /api/v1/chatbot/{uuid}/data-source/upload, multipart/form-data). Files piped from Get-ChildItem bind to -LiteralPath. Files of 1 MiB or more report their progress with Write-Progress. When the chatbot already has the same file, the service answers 409 with the existing source: this cmdlet writes a warning and outputs that existing source, so re-running an import script is safe. A file type the service does not accept is reported with the service's message. Each file is sent under its own name, whatever characters it holds (a double quote or a line break too, which Linux allows): the exact name as filename* (UTF-8) and, for a service that reads only filename, the name as browsers write it, with " CR and LF as %22, %0D and %0A. A file that cannot be sent is an error about that file alone; the other files are still uploaded.

-Url adds web pages (POST /api/v1/chatbot/{uuid}/data-source/url); a page the chatbot already has is handled like a duplicate file: a warning and the existing source.

-Question and -Answer add a Q&A pair (POST /api/v1/chatbot/{uuid}/data-source/qa).

New sources start in a processing status (await) and become success once the service has processed them. With -Wait the cmdlet waits for that (as Wait-GptTrainerDataSource does) and writes the sources once all are processed; a source whose processing fails is also an error that explains its status.
'@
    Parameters  = @{
        ChatbotUuid         = 'The chatbot to add to; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects, so a chatbot can be piped in with -Url or -Question.'
        Path                = 'Files to upload; wildcards expand. Takes pipeline input by value.'
        LiteralPath         = 'Files to upload, taken literally. Binds from the PSPath property of items piped from Get-ChildItem.'
        Url                 = 'Absolute http or https addresses of web pages to add.'
        Question            = 'The question of a Q&A source.'
        Answer              = 'The answer of a Q&A source.'
        ReferenceSourceLink = 'A link shown with citations of the new sources.'
        Wait                = 'Waits until every new source has been processed (success) or has failed before writing them all, with a progress bar; a failure (error, error:token, error:storage, fail) or a timeout is an error that explains it.'
        WaitTimeoutSec      = 'With -Wait, how long to wait for processing, in seconds (default 600).'
        WhatIf              = 'Shows what would be added, without sending any request.'
        Confirm             = 'Asks for confirmation before adding each source.'
    }
    Inputs      = @{
        'System.String'     = 'Paths, by value (-Path); a chatbot uuid, by the property name ChatbotUuid.'
        'System.IO.FileInfo' = 'Files from Get-ChildItem, by the property name PSPath (-LiteralPath).'
    }
    Outputs     = @{ 'GptTrainer.Models.DataSource' = 'The new source, or the existing one when the chatbot already had it.' }
    Examples    = @(
        @{
            Code    = 'Get-ChildItem ./manuals -Filter *.pdf | New-GptTrainerDataSource -ChatbotUuid $bot'
            Remarks = 'Uploads every PDF manual; files the chatbot already has are reported with a warning and returned as they are.'
        }
        @{
            Code    = 'New-GptTrainerDataSource -Path ./handbook.pdf -Wait; Send-GptTrainerMessage ''How many holidays do I get?'''
            Remarks = 'Uploads the handbook, waits until it is processed, and then asks about it.'
        }
        @{
            Code    = 'New-GptTrainerDataSource -Url https://example.org/help/shipping, https://example.org/help/returns'
            Remarks = 'Adds two help pages to the current chatbot.'
        }
        @{
            Code    = 'New-GptTrainerDataSource -Question ''Do you ship abroad?'' -Answer ''Yes, to 30 countries.'''
            Remarks = 'Adds a Q&A pair to the current chatbot.'
        }
    )
    Links       = @('Get-GptTrainerDataSource', 'Set-GptTrainerDataSource', 'New-GptTrainerSourceTag')
}
