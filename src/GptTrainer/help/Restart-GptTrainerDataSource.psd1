@{
    Synopsis    = 'Processes data sources again after their processing failed.'
    Description = @'
Restart-GptTrainerDataSource asks the service to process sources again, typically those whose Status is error or fail. All the sources piped in are sent in one request.

The GPT-trainer API documentation does not describe this endpoint: the official Python SDK calls it at <base URI>/api/data-sources/restart, outside /api/v1, and the shape of its answer is unknown. When the answer lists results per source they are written as result objects and refusals as errors; otherwise the answer is shown on the verbose stream. It may change or disappear without notice.
'@
    Parameters  = @{
        DataSourceUuid = 'The sources to process again. Binds from the DataSourceUuid property of piped sources.'
        ChatbotUuid    = 'Not sent. Given (or piped), it drives tab completion of -DataSourceUuid.'
        WhatIf         = 'Shows which sources would be restarted, without sending any request.'
        Confirm        = 'Asks for confirmation before restarting each source.'
    }
    Inputs      = @{ 'System.String' = 'Data source uuids, by the property name DataSourceUuid.' }
    Outputs     = @{ 'GptTrainer.Models.DataSourceOperationResult' = 'One result per source the service restarted, when it says so.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerDataSource -ChatbotUuid $bot -Status error, fail | Restart-GptTrainerDataSource -Verbose'
            Remarks = 'Re-processes every failed source of a chatbot.'
        }
    )
    Links       = @('Get-GptTrainerDataSource', 'Update-GptTrainerDataSource')
}
