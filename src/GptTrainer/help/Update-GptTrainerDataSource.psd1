@{
    Synopsis    = 'Retrains web-page data sources with the pages'' current content.'
    Description = @'
Update-GptTrainerDataSource asks the service to scrape web-page (link) sources again (POST /api/v1/data-sources/url/re-scrape). All the sources piped in are sent in one request; the service answers per source. Sources it restarted are written as result objects; sources it refused (for example because they are not web pages) are reported as errors with the source uuid as target.
'@
    Parameters  = @{
        DataSourceUuid = 'The link sources to retrain. Binds from the DataSourceUuid property of piped sources.'
        ChatbotUuid    = 'Not sent. Given (or piped), it drives tab completion of -DataSourceUuid.'
        WhatIf         = 'Shows which sources would be retrained, without sending any request.'
        Confirm        = 'Asks for confirmation before retraining each source.'
    }
    Inputs      = @{ 'System.String' = 'Data source uuids, by the property name DataSourceUuid.' }
    Outputs     = @{ 'GptTrainer.Models.DataSourceOperationResult' = 'One result per source the service restarted.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -ChatbotUuid $bot -Type link | Update-GptTrainerDataSource'
            Remarks = 'Retrains every web page the chatbot knows, in one request.'
        }
    )
    Links       = @('Get-GptTrainerDataSource', 'Restart-GptTrainerDataSource')
}
