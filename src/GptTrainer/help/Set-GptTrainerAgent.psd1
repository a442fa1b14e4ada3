@{
    Synopsis    = 'Changes an agent: prompt, model, enabled state, variables, data sources, escalation settings.'
    Description = @'
Set-GptTrainerAgent sends only the settings you give (POST /api/v1/agent/{uuid}/update). Lists are replaced whole: -DataSourceUuid, -Variable and -Tag set the agent's complete list, and an empty list clears it. -HumanEscalationSetting changes only the settings its object or hashtable names.

Use -Enabled or -Enabled:$false to switch the agent on or off; Enable-GptTrainerAgent and Disable-GptTrainerAgent do the same.
'@
    Parameters  = @{
        AgentUuid              = 'The agent to change. Binds from the AgentUuid property of piped agents; tab completion lists the agents of the chatbot given by -ChatbotUuid (or the current one).'
        ChatbotUuid            = 'Not sent: the API needs no chatbot to update an agent. Given (or piped), it drives tab completion of -AgentUuid and -DataSourceUuid and is carried into the output.'
        Name                   = 'The new name.'
        Description            = 'The new routing description.'
        Prompt                 = 'The new base prompt.'
        Model                  = 'The new model id; tab completion lists the service''s models.'
        Temperature            = 'The new sampling temperature, 0 to 1.'
        UseAllSources          = 'Answer from every data source (-UseAllSources:$false to use only -DataSourceUuid).'
        Enabled                = 'Switches the agent on, or off with -Enabled:$false.'
        DataSourceUuid         = 'The data sources the agent answers from (replaces the list; ignored by the service while UseAllSources is on).'
        Variable               = 'The variables the agent collects, replacing the list: objects or hashtables with Name, Type (string, number or boolean), Description, Example, DefaultValue and DefaultIsStatic.'
        Tag                    = 'The tags a background agent applies, replacing the list: objects or hashtables with Name, Criteria and Color.'
        HumanEscalationSetting = 'Settings of a human-escalation agent: an object or hashtable with any of HumanRequestedMessage, LiveChatStartAnnouncement, LiveChatEndAnnouncement, MonitoredMessages, NotificationsEnabled and SoundEnabled. Only the given ones change.'
        PassThru               = 'Writes the updated agent to the pipeline.'
        WhatIf                 = 'Shows what would change, without sending any request.'
        Confirm                = 'Asks for confirmation before changing each agent.'
    }
    Inputs      = @{ 'System.String' = 'Agent and chatbot uuids, by the property names AgentUuid and ChatbotUuid.' }
    Outputs     = @{
        'None'                    = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.Agent' = 'With -PassThru, the updated agent.'
    }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerAgent -ChatbotUuid $bot -Name ''Billing helper'' | Set-GptTrainerAgent -Model gpt-4o-mini-16k -Variable @{ Name = ''user_email''; Type = ''string''; Description = ''Email address of the user'' } -PassThru'
            Remarks = 'Moves an agent to a larger model and has it collect the user''s email address.'
        }
        @{
            Code    = '$faq = Get-GptTrainerDataSource -ChatbotUuid $bot -Title ''FAQ*''
Set-GptTrainerAgent -AgentUuid $agent -UseAllSources:$false -DataSourceUuid $faq.DataSourceUuid'
            Remarks = 'Limits an agent to the FAQ sources.'
        }
        @{
            Code    = 'Set-GptTrainerAgent -AgentUuid $escalation -HumanEscalationSetting @{ HumanRequestedMessage = ''A colleague will join shortly.''; NotificationsEnabled = $true }'
            Remarks = 'Changes two settings of a human-escalation agent and leaves the others as they are.'
        }
    )
    Links       = @('Get-GptTrainerAgent', 'Enable-GptTrainerAgent', 'Disable-GptTrainerAgent')
}
