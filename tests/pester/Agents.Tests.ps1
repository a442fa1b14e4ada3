BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Agents' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Agent bot'
    }

    It 'creates an agent with flat settings and reads the nested answer back flat' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Billing helper' -Type user-facing -Description 'Invoices' -Prompt 'You answer billing questions.' -Model gpt-4o-mini-4k -Temperature 0.2 -UseAllSources

        $sent = Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/agent/create" POST
        $sent.Json.name | Should -Be 'Billing helper'
        $sent.Json.type | Should -Be 'user-facing'
        $sent.Json.model | Should -Be 'gpt-4o-mini-4k'
        $sent.Json.temperature | Should -Be 0.2
        $sent.Json.use_all_sources | Should -BeTrue
        $sent.Json.Keys | Should -Not -Contain 'meta'

        $agent | Should -BeOfType ([GptTrainer.Models.Agent])
        $agent.Model | Should -Be 'gpt-4o-mini-4k'
        $agent.Temperature | Should -Be 0.2
        $agent.UseAllSources | Should -BeTrue
        $agent.ChatbotUuid | Should -Be $bot.ChatbotUuid
        $agent.Enabled | Should -BeFalse -Because 'the service creates agents disabled'
    }

    It 'reads enabled as a boolean whether the API writes 0/1 (list) or true/false (update)' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Switchable' -Type user-facing
        $enabled = $agent | Enable-GptTrainerAgent -PassThru
        (Get-SentRequest $emulator "/api/v1/agent/$($agent.AgentUuid)/update" POST).Json.enabled | Should -BeTrue
        (Get-EmulatorRequest $emulator -PathLike '*/update')[-1].body | Should -Match '"enabled":true'

        $enabled.Enabled | Should -BeOfType ([bool])
        $enabled.Enabled | Should -BeTrue
        $listed = Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Switchable'
        $listed.Enabled | Should -BeOfType ([bool])
        $listed.Enabled | Should -BeTrue

        ($agent | Disable-GptTrainerAgent -PassThru).Enabled | Should -BeFalse
        (Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Switchable').Enabled | Should -BeFalse
    }

    It 'updates variables, data source links and settings, replacing lists whole' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Collector' -Type user-facing
        $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Q?' -Answer 'A.'
        $updated = $agent | Set-GptTrainerAgent -Prompt 'Collect the email.' -Model gpt-4o-mini-16k -DataSourceUuid $source.DataSourceUuid -UseAllSources:$false -Variable @(
            @{ Name = 'user_email'; Type = 'string'; Description = 'Email address of the user'; Example = 'ann@example.org' }
            @{ Name = 'vip'; Type = 'boolean'; DefaultValue = 'false'; DefaultIsStatic = $true }
        ) -PassThru

        $sent = (Get-SentRequest $emulator "/api/v1/agent/$($agent.AgentUuid)/update" POST).Json
        $sent.prompt | Should -Be 'Collect the email.'
        $sent.data_source_uuids | Should -Be @($source.DataSourceUuid)
        $sent.use_all_sources | Should -BeFalse
        $sent.variables[0].name | Should -Be 'user_email'
        $sent.variables[1].default_value.static | Should -Be 1

        $updated.Model | Should -Be 'gpt-4o-mini-16k'
        $updated.DataSourceUuids | Should -Be @($source.DataSourceUuid)
        $updated.Variables.Name | Should -Be @('user_email', 'vip')
        $updated.Variables[0] | Should -BeOfType ([GptTrainer.Models.AgentVariable])
        $updated.Variables[1].DefaultIsStatic | Should -BeTrue

        ($agent | Set-GptTrainerAgent -Variable @() -PassThru).Variables.Count | Should -Be 0
    }

    It 'changes human-escalation settings partially' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Humans' -Type human-escalation
        $updated = $agent | Set-GptTrainerAgent -HumanEscalationSetting @{ HumanRequestedMessage = 'A colleague joins shortly.'; NotificationsEnabled = $true; MonitoredMessages = 'refund', 'angry' } -PassThru

        $sent = (Get-SentRequest $emulator '*/update' POST).Json.human_escalation_settings
        $sent.Keys | Sort-Object | Should -Be @('human_requested_message', 'monitored_messages', 'notifications_enabled')
        $sent.notifications_enabled | Should -Be 1
        $updated.HumanEscalationSettings.HumanRequestedMessage | Should -Be 'A colleague joins shortly.'
        $updated.HumanEscalationSettings.NotificationsEnabled | Should -BeTrue
        $updated.HumanEscalationSettings.MonitoredMessages | Should -Be @('refund', 'angry')
    }

    It 'sends background tags' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Triage' -Type background -Tag @{ Name = 'refund'; Criteria = 'asks for money back'; Color = '#FF5733' }
        (Get-SentRequest $emulator '*/agent/create' POST).Json.tags[0].criteria | Should -Be 'asks for money back'
        $agent.Tags[0].Name | Should -Be 'refund'
        $agent.Tags[0] | Should -BeOfType ([GptTrainer.Models.AgentTag])
    }

    It 'lists and filters a chatbot''s agents, piped from the chatbot' {
        $null = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Billing helper' -Type user-facing
        $null = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Billing backup' -Type user-facing
        @($bot | Get-GptTrainerAgent).Count | Should -Be 3
        @($bot | Get-GptTrainerAgent -Name 'billing*').Name | Sort-Object | Should -Be @('Billing backup', 'Billing helper')
        (Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/agents" GET).method | Should -Be 'GET'
    }

    It 'removes an agent with DELETE' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Temporary' -Type pre-canned -DefaultMessage 'We are closed.'
        $agent | Remove-GptTrainerAgent -Confirm:$false
        (Get-SentRequest $emulator "/api/v1/agent/$($agent.AgentUuid)/delete").method | Should -Be 'DELETE'
        @(Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid).Name | Should -Not -Contain 'Temporary'
    }

    It 'surfaces the service''s refusal of a second human-escalation agent' {
        $null = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'One' -Type human-escalation
        New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Two' -Type human-escalation -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http400,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match 'only one human-escalation agent'
    }

    It 'validates before any request: type, temperature, variable type' {
        Clear-EmulatorRequest $emulator
        { New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name x -Type robot } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GptTrainer.Commands.NewGptTrainerAgentCommand'
        { New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name x -Type background -Temperature 3 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GptTrainer.Commands.NewGptTrainerAgentCommand'
        Set-GptTrainerAgent -AgentUuid ([guid]::NewGuid().ToString('N')) -Variable @{ Name = 'x'; Type = 'date' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAgentVariable,*'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }
}

Describe 'Get-GptTrainerModel' {
    BeforeAll {
        Connect-TestEmulator $emulator
    }

    It 'joins the model catalogue with the credit costs' {
        $models = @(Get-GptTrainerModel)
        (Get-SentRequest $emulator '/api/v1/agent/models' GET).method | Should -Be 'GET'
        (Get-SentRequest $emulator '/api/v1/agent/model-costs' GET).method | Should -Be 'GET'
        $mini = $models | Where-Object Model -EQ 'gpt-4o-mini-4k'
        $mini | Should -BeOfType ([GptTrainer.Models.ModelInfo])
        $mini.CreditsPerMessage | Should -Be 1
        $mini.Selectable | Should -BeTrue
        @(Get-GptTrainerModel -Name 'gpt-4o*').Model | Should -Contain 'gpt-4o-8k'
    }
}
