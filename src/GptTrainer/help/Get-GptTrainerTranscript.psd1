@{
    Synopsis    = 'Gets a session''s whole conversation as plain text.'
    Description = @'
Get-GptTrainerTranscript returns the session history as the service renders it (GET /api/v1/session/{uuid}/messages/plain-text): one string with every question and answer of the session. The exact layout of that text is the service's and is not documented; if the service answers with JSON instead, its transcript is returned.

For structured data (uuids, timestamps, citations) use Get-GptTrainerMessage.
'@
    Parameters  = @{
        SessionUuid = 'The session; defaults to the current session. Binds from the SessionUuid property of piped objects.'
    }
    Inputs      = @{ 'System.String' = 'A session uuid, by the property name SessionUuid.' }
    Outputs     = @{ 'System.String' = 'The transcript.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerTranscript | Set-Content transcript.txt'
            Remarks = 'Saves the current session''s conversation to a file.'
        }
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot -CreatedAfter (Get-Date).Date | ForEach-Object { Get-GptTrainerTranscript -SessionUuid $_.SessionUuid }'
            Remarks = 'Prints every conversation of today.'
        }
    )
    Links       = @('Get-GptTrainerMessage')
}
