@{
    Synopsis    = 'Reports a chatbot''s use per day, week, month or session: sessions, messages, problems, ratings and estimated credits.'
    Description = @'
Get-GptTrainerUsage reads a chatbot's sessions (GET /api/v1/chatbot/{uuid}/sessions, within -CreatedAfter and -CreatedBefore) and the messages of each (GET /api/v1/session/{uuid}/messages, -ThrottleLimit at a time), and writes one GptTrainer.Models.UsagePeriod per period that has any, oldest first:

Sessions: sessions created in the period. Messages: messages (a question and its answer) created in the period; so a session that goes on past midnight counts its later messages the next day. CutShort: answers cut short by the token limit (finish_reason length). Errors: messages that carry an error message. Frustrations: messages in which the service detected the user's frustration. RatingsUp and RatingsDown: the answers users rated (see NOTES of Export-GptTrainerConversation for how a rating is read). EstimatedCredits: Messages times CreditsPerMessage.

-GroupBy Day (the default), Week (ISO 8601 weeks, Monday to Sunday, named 2025-W09), Month (2025-03) or Session (a row per session, named by its uuid, counting all its messages). Days, weeks and months are those of this computer's clock; Start and End give each period's bounds as local times, for charts.

CREDITS ARE AN ESTIMATE. Each message is priced at the credits per message of the model of the chatbot's user-facing agent (its first enabled one, as Get-GptTrainerAgent lists them), from the model costs Get-GptTrainerModel shows (GET /agent/model-costs, GET /chatbot/{uuid}/agents). Every row says which model's price it used (PricedModel, CreditsPerMessage) and how (PriceBasis). The service's own count may differ: which agent answered each message is not recorded, and what it charges for failed answers or background agents is not documented. When the chatbot has several enabled user-facing agents with different models, a warning says so; when no price can be known (no user-facing agent, a model without a listed cost, costs that cannot be read), EstimatedCredits is empty and a warning says why.

A one-line summary (sessions, messages, credits and their basis) goes to the information stream, shown like Write-Host; -InformationAction Ignore hides it. A session whose messages cannot be read is an error about that session, and its messages are not counted; the summary says how many. -CreatedAfter later than -CreatedBefore is refused before any request (InvalidTimeWindow).
'@
    Parameters  = @{
        ChatbotUuid   = 'The chatbot to report on; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects, so chatbots from Get-GptTrainerChatbot can be piped in.'
        CreatedAfter  = 'Only sessions created at or after this time (any kind of DateTime; sent as UTC), with all their messages.'
        CreatedBefore = 'Only sessions created at or before this time, with all their messages.'
        GroupBy       = 'Day (default), Week, Month or Session: the periods the figures are added up by.'
        ThrottleLimit = 'How many sessions'' messages are read at once, 1 to 16 (4 by default).'
    }
    Inputs      = @{ 'GptTrainer.Models.Chatbot' = 'Chatbots, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.UsagePeriod' = 'One per period with anything in it: ChatbotUuid, GroupBy, Period, SessionUuid (with -GroupBy Session), Start, End, Sessions, Messages, CutShort, Errors, Frustrations, RatingsUp, RatingsDown, EstimatedCredits, CreditsPerMessage, PricedModel, PriceBasis. A table view shows the figures.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerUsage -ChatbotUuid $bot.ChatbotUuid -CreatedAfter (Get-Date).AddDays(-7)'
            Remarks = 'The last seven days, a row per day: sessions, messages, answers cut short, errors, frustrations, ratings and estimated credits.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot | Get-GptTrainerUsage -GroupBy Month | Group-Object ChatbotUuid | ForEach-Object { [pscustomobject]@{ Chatbot = $_.Name; Messages = ($_.Group | Measure-Object Messages -Sum).Sum; Credits = ($_.Group | Measure-Object EstimatedCredits -Sum).Sum } }'
            Remarks = 'The messages and estimated credits of every chatbot of the account, all time.'
        }
        @{
            Code    = 'Get-GptTrainerUsage -GroupBy Week | Export-Csv ./usage.csv -NoTypeInformation'
            Remarks = 'Weekly figures of the current chatbot for a spreadsheet chart; Start and End are the bounds of each week.'
        }
        @{
            Code    = 'Get-GptTrainerUsage -GroupBy Session -CreatedAfter (Get-Date).Date | Where-Object { $_.Errors -or $_.RatingsDown } | Get-GptTrainerMessage'
            Remarks = 'Today''s sessions with an error or an answer rated down, and their messages.'
        }
    )
    Links       = @('Get-GptTrainerModel', 'Get-GptTrainerAgent', 'Export-GptTrainerConversation', 'Get-GptTrainerSession')
}
