@{
    Synopsis    = 'Changes a chatbot''s name or settings.'
    Description = @'
Set-GptTrainerChatbot sends only the settings you give (POST /api/v1/chatbot/{uuid}/update). The API takes the rate limit as one [messages, seconds] pair, so when only one half is given the other is read from the chatbot first.

Use -ShowCitations:$false to turn citations off.
'@
    Parameters  = @{
        ChatbotUuid       = 'The chatbot to change. Binds from the ChatbotUuid property of piped objects; tab completion lists chatbots by name.'
        Name              = 'The new internal name.'
        Visibility        = 'private, public or hybrid.'
        RateLimitMessages = 'How many messages a widget user may send per window (1-100).'
        RateLimitSeconds  = 'The window of the widget rate limit in seconds (1-360).'
        RateLimitMessage  = 'What a throttled widget user is told.'
        ShowCitations     = 'Turns citations on, or off with -ShowCitations:$false.'
        PassThru          = 'Writes the updated chatbot to the pipeline.'
        WhatIf            = 'Shows what would change, without sending any request.'
        Confirm           = 'Asks for confirmation before changing each chatbot.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{
        'None'                      = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.Chatbot' = 'With -PassThru, the updated chatbot.'
    }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support*'' | Set-GptTrainerChatbot -ShowCitations -PassThru'
            Remarks = 'Turns citations on for every chatbot whose name starts with Support and shows the result.'
        }
        @{
            Code    = 'Set-GptTrainerChatbot 5b1c0e7d2a9f4c3e8d6b1a0f9e8d7c6b -RateLimitMessages 50'
            Remarks = 'Raises the widget rate limit to 50 messages, keeping the chatbot''s current window.'
        }
    )
    Links       = @('Get-GptTrainerChatbot', 'New-GptTrainerChatbot')
}
