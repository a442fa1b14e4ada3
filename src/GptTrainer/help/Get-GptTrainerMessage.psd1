@{
    Synopsis    = 'Gets the stored question and answer pairs of a chat session.'
    Description = @'
Get-GptTrainerMessage lists the messages of a session (GET /api/v1/session/{uuid}/messages), oldest first. A message is one exchange: the query asked and the response given, with its finish reason and the sources it cited. The API's JSON-in-a-string fields are exposed both parsed (Citations, Meta, Feedback) and as received (CiteDataJson, MetaJson, FeedbackJson).
'@
    Parameters  = @{
        SessionUuid = 'The session whose messages to get; defaults to the current session. Binds from the SessionUuid property of piped objects.'
    }
    Inputs      = @{ 'System.String' = 'A session uuid, by the property name SessionUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Message' = 'One object per stored exchange, oldest first.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerMessage | Format-Table CreatedAt, Query, FinishReason'
            Remarks = 'Lists the exchanges of the current session.'
        }
        @{
            Code    = 'Get-GptTrainerSession -ChatbotUuid $bot | Get-GptTrainerMessage | Where-Object ErrorMessage'
            Remarks = 'Finds the exchanges of a chatbot in which the AI reported a problem.'
        }
    )
    Links       = @('Send-GptTrainerMessage', 'Get-GptTrainerSession')
}
