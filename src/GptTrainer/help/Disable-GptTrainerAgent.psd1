@{
    Synopsis    = 'Switches agents off.'
    Description = 'Disable-GptTrainerAgent switches agents off (POST /api/v1/agent/{uuid}/update with enabled: false); the chatbot stops routing questions to them. The agent and its settings stay.'
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
            Code    = 'Get-GptTrainerAgent -ChatbotUuid $bot -Name Holiday* | Disable-GptTrainerAgent'
            Remarks = 'Switches off the holiday agents of a chatbot.'
        }
    )
    Links       = @('Set-GptTrainerAgent', 'Get-GptTrainerAgent')
}
