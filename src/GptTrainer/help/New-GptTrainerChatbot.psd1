@{
    Synopsis    = 'Creates a chatbot.'
    Description = @'
New-GptTrainerChatbot creates a chatbot (POST /api/v1/chatbot/create). The service gives every new chatbot a default, enabled user-facing agent named "General Q&A".

The service does not document its defaults, so every setting is sent explicitly: private visibility, 20 messages per 240 seconds for widget users, "Too many messages" as the throttling message, and no citations, unless you say otherwise.
'@
    Parameters  = @{
        Name              = 'The chatbot''s internal name (end users do not see it). Binds from the Name property of piped objects.'
        Visibility        = 'private (the default), public or hybrid.'
        RateLimitMessages = 'How many messages a widget user may send per -RateLimitSeconds (1-100, default 20). The limit does not apply to the API.'
        RateLimitSeconds  = 'The window of the widget rate limit in seconds (1-360, default 240).'
        RateLimitMessage  = 'What a throttled widget user is told (default "Too many messages").'
        ShowCitations     = 'Makes replies carry [X.Y] citation markers and cite their sources.'
        WhatIf            = 'Shows the chatbot that would be created, without sending any request.'
        Confirm           = 'Asks for confirmation before creating the chatbot.'
    }
    Inputs      = @{ 'System.String' = 'A name, by the property name Name.' }
    Outputs     = @{ 'GptTrainer.Models.Chatbot' = 'The new chatbot.' }
    Examples    = @(
        @{
            Code    = 'New-GptTrainerChatbot -Name ''Support bot'' -ShowCitations'
            Remarks = 'Creates a private chatbot whose replies cite their sources.'
        }
        @{
            Code    = 'Import-Csv bots.csv | New-GptTrainerChatbot -Visibility public'
            Remarks = 'Creates one public chatbot per row of a CSV file with a Name column.'
        }
    )
    Links       = @('Get-GptTrainerChatbot', 'Set-GptTrainerChatbot', 'Remove-GptTrainerChatbot')
}
