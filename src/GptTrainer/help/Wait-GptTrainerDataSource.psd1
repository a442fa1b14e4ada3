@{
    Synopsis    = 'Waits until data sources have been processed, or have failed, with a timeout and a progress bar.'
    Description = @'
A new or restarted data source is processed by the service before the chatbot can answer from it: its status moves through working states (await, queued, chunking, embedding and others) and ends in success, or in one of the failures error, error:token, error:storage and fail. Wait-GptTrainerDataSource waits for every source piped in (from Get-, New-, Update- or Restart-GptTrainerDataSource, or plain uuids) until each has ended, reading each chatbot's list of sources (GET /api/v1/chatbot/{uuid}/data-sources) once per round: every half second at first, then less often, up to every 5 seconds. A progress bar shows how many are done and what the others are doing.

It writes each source as last listed once all have ended. A source that failed is also a non-terminating error (DataSourceFailed) explaining its status: error:token and error:storage mean a limit of the plan was reached (LimitsExceeded); error and fail mean the service could not process it (InvalidData). A source still working when -TimeoutSec runs out is a WaitTimeout error (OperationTimeout); the service goes on processing it. A source the chatbot no longer lists is a DataSourceNotFound error. Ctrl+C stops the wait at once.

The API has no route for a single source, so each uuid needs its chatbot: piped sources carry it; for plain uuids give -ChatbotUuid or rely on the current chatbot.
'@
    Parameters  = @{
        DataSourceUuid = 'The sources to wait for. Takes pipeline input by value and from the DataSourceUuid property of piped objects.'
        ChatbotUuid    = 'The chatbot the sources belong to; defaults to the current chatbot. Binds from the ChatbotUuid property of piped sources.'
        TimeoutSec     = 'How long to wait, in seconds, for all the sources together (default 600).'
    }
    Inputs      = @{
        'System.String'                = 'Data source uuids, by value or by the property name DataSourceUuid.'
        'GptTrainer.Models.DataSource' = 'Sources from Get-, New- or Set-GptTrainerDataSource, by the property names DataSourceUuid and ChatbotUuid.'
        'GptTrainer.Models.DataSourceSyncResult' = 'What Sync-GptTrainerDataSource added or updated (filter on Action first: skipped files have no source, removed ones no longer exist), by the same property names.'
    }
    Outputs     = @{ 'GptTrainer.Models.DataSource' = 'Each source as last listed, once all have ended (or the time is up).' }
    Examples    = @(
        @{
            Code    = 'Get-ChildItem ./manuals -Filter *.pdf | New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid | Wait-GptTrainerDataSource'
            Remarks = 'Uploads the manuals and waits until the chatbot can answer from them.'
        }
        @{
            Code    = 'Get-GptTrainerDataSource -Status error, fail | Restart-GptTrainerDataSource | Wait-GptTrainerDataSource -TimeoutSec 1800'
            Remarks = 'Restarts the sources whose processing failed and waits up to half an hour for them.'
        }
        @{
            Code    = 'Get-GptTrainerDataSource -Type link | Update-GptTrainerDataSource | Wait-GptTrainerDataSource -ErrorAction Stop | Format-Table Title, Status, Tokens'
            Remarks = 'Re-scrapes every web page source and stops at the first one that fails.'
        }
    )
    Links       = @('New-GptTrainerDataSource', 'Sync-GptTrainerDataSource', 'Get-GptTrainerDataSource', 'Restart-GptTrainerDataSource')
}
