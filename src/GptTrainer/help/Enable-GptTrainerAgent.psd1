@{
    Synopsis    = 'Switches agents on.'
    Description = 'Enable-GptTrainerAgent switches agents on (POST /api/v1/agent/{uuid}/update with enabled: true). New agents are created disabled, so this is the usual step after New-GptTrainerAgent.'
    Parameters  = @{
        AgentUuid   = 'The agents to switch. Binds from the AgentUuid property of piped agents; tab completion lists the agents of the chatbot given by -ChatbotUuid (or the current one).'
        ChatbotUuid = 'Not sent: the API needs no chatbot to update an agent. Given (or piped), it drives tab completion of -AgentUuid and is carried into the output.'
        PassThru    = 'Writes the updated agent to the pipeline.'
        WhatIf      = 'Shows which agents would be switched, without sending any request.'
        Confirm     = 'Asks for confirmation before switching each agent.'
    }
    Inputs      = @{ 'System.String' = 'Agent uuids, by the property name AgentUuid.' }
    Outputs     = @{
        'None'                    = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.Agent' = 'With -PassThru, the updated agent.'
    }
    Examples    = @(
        @{
            Code    = 'New-GptTrainerAgent -ChatbotUuid $bot -Name Billing helper -Type user-facing | Enable-GptTrainerAgent -PassThru'
            Remarks = 'Creates an agent and switches it on.'
        }
    )
    Links       = @('Set-GptTrainerAgent', 'Get-GptTrainerAgent')
}
