@{
    Synopsis    = 'Creates an agent on a chatbot.'
    Description = @'
New-GptTrainerAgent creates an agent (POST /api/v1/chatbot/{uuid}/agent/create). The settings are sent flat, as the service expects; the answer nests them under "meta", which the output shows as plain properties.

The service creates agents disabled: run Enable-GptTrainerAgent (or Set-GptTrainerAgent -Enabled) to put one to work. A chatbot can have only one human-escalation and one spam-defense agent.
'@
    Parameters  = @{
        ChatbotUuid    = 'The chatbot to add the agent to; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name           = 'The agent''s name.'
        Type           = 'user-facing, background, human-escalation, pre-canned or spam-defense. It cannot be changed later.'
        Description    = 'What the agent handles; the supervisor uses it to route questions between user-facing agents.'
        Prompt         = 'The agent''s base prompt.'
        Model          = 'The model id, such as gpt-4o-mini-4k. Tab completion lists the service''s models with their credit cost (see Get-GptTrainerModel).'
        Temperature    = 'Sampling temperature, 0 to 1.'
        Bias           = 'The agent''s routing bias.'
        Stickiness     = 'How strongly a conversation stays with this agent, 0 to 1 (the API''s "stickness").'
        DefaultMessage = 'The fixed reply of a pre-canned or spam-defense agent.'
        Tag            = 'Tags a background agent applies, as objects or hashtables with Name, Criteria and Color.'
        UseAllSources  = 'Lets a user-facing agent answer from every data source of the chatbot.'
        Enabled        = 'Enables the agent straight after creating it. The service creates every agent disabled and ignores "enabled" on create, so this sends a second request (an update), and the agent written is the enabled one.'
        WhatIf         = 'Shows the agent that would be created, without sending any request.'
        Confirm        = 'Asks for confirmation before creating the agent.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Agent' = 'The new agent (disabled).' }
    Examples    = @(
        @{
            Code    = 'New-GptTrainerAgent -ChatbotUuid $bot -Name ''Billing helper'' -Type user-facing -Model gpt-4o-mini-4k -Temperature 0.2 -UseAllSources | Enable-GptTrainerAgent -PassThru'
            Remarks = 'Creates a user-facing agent and enables it at once.'
        }
        @{
            Code    = 'New-GptTrainerAgent ''Triage'' background -Tag @{ Name = ''refund''; Criteria = ''asks for money back''; Color = ''#FF5733'' }'
            Remarks = 'Creates a background agent on the current chatbot that tags refund conversations.'
        }
    )
    Links       = @('Set-GptTrainerAgent', 'Enable-GptTrainerAgent', 'Get-GptTrainerModel')
}
