BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'New-, Set- and Remove-GptTrainerChatbot' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'creates a chatbot with every setting sent explicitly' {
        $bot = New-GptTrainerChatbot -Name 'Support bot' -ShowCitations -RateLimitMessages 30

        $sent = Get-SentRequest $emulator '/api/v1/chatbot/create' POST
        $sent.Json.name | Should -Be 'Support bot'
        $sent.Json.visibility | Should -Be 'private'
        $sent.Json.rate_limit | Should -Be @(30, 240)
        $sent.Json.rate_limit_message | Should -Be 'Too many messages'
        $sent.Json.show_citations | Should -BeTrue

        $bot | Should -BeOfType ([GptTrainer.Models.Chatbot])
        $bot.Name | Should -Be 'Support bot'
        $bot.ShowCitations | Should -BeTrue
        $bot.RateLimitMessages | Should -Be 30
        $bot.ChatbotUuid | Should -Match '^[0-9a-f]{32}$'
    }

    It 'gives a new chatbot the default General Q&A agent' {
        $bot = New-GptTrainerChatbot -Name 'With default agent'
        $agents = @(Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid)
        $agents.Name | Should -Be 'General Q&A'
        $agents[0].Enabled | Should -BeTrue
    }

    It 'updates only the settings given' {
        $bot = New-GptTrainerChatbot -Name 'Before'
        $updated = $bot | Set-GptTrainerChatbot -Name 'After' -ShowCitations -PassThru

        $sent = Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/update" POST
        $sent.Json.Keys | Sort-Object | Should -Be @('name', 'show_citations')
        $updated.Name | Should -Be 'After'
        $updated.ShowCitations | Should -BeTrue
        $updated.Visibility | Should -Be 'private'
    }

    It 'turns citations off with -ShowCitations:$false' {
        $bot = New-GptTrainerChatbot -Name 'Cites' -ShowCitations
        (Set-GptTrainerChatbot $bot.ChatbotUuid -ShowCitations:$false -PassThru).ShowCitations | Should -BeFalse
        (Get-SentRequest $emulator '*/update' POST).Json.show_citations | Should -BeFalse
    }

    It 'completes half a rate limit from the chatbot, after confirmation only' {
        $bot = New-GptTrainerChatbot -Name 'Limits' -RateLimitMessages 10 -RateLimitSeconds 60
        Clear-EmulatorRequest $emulator
        Set-GptTrainerChatbot $bot.ChatbotUuid -RateLimitMessages 50 -WhatIf
        Get-EmulatorRequestCount $emulator | Should -Be 0

        $updated = Set-GptTrainerChatbot $bot.ChatbotUuid -RateLimitMessages 50 -PassThru
        (Get-SentRequest $emulator '*/update' POST).Json.rate_limit | Should -Be @(50, 60)
        $updated.RateLimitMessages | Should -Be 50
        $updated.RateLimitSeconds | Should -Be 60
    }

    It 'refuses an update with nothing to change, before any request' {
        $bot = New-GptTrainerChatbot -Name 'Unchanged'
        Clear-EmulatorRequest $emulator
        Set-GptTrainerChatbot $bot.ChatbotUuid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NothingToChange,*'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'validates settings before any request' {
        Clear-EmulatorRequest $emulator
        { New-GptTrainerChatbot -Name 'x' -Visibility 'secret' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GptTrainer.Commands.NewGptTrainerChatbotCommand'
        { New-GptTrainerChatbot -Name 'x' -RateLimitMessages 500 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GptTrainer.Commands.NewGptTrainerChatbotCommand'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'removes a chatbot with DELETE and forgets it as current' {
        $bot = New-GptTrainerChatbot -Name 'Doomed'
        $null = $bot | New-GptTrainerSession
        $bot | Remove-GptTrainerChatbot -Confirm:$false

        $sent = Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/delete"
        $sent.method | Should -Be 'DELETE'
        @(Get-GptTrainerChatbot).Count | Should -Be 0
        (Get-GptTrainerContext).ChatbotUuid | Should -BeNullOrEmpty
        (Get-GptTrainerContext).SessionUuid | Should -BeNullOrEmpty
    }

    It 'asks before removing a chatbot: its ConfirmImpact is High' {
        (Get-Command Remove-GptTrainerChatbot).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'reports an unknown chatbot on update as not found' {
        $unknown = [guid]::NewGuid().ToString('N')
        Set-GptTrainerChatbot $unknown -Name 'x' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $unknown
    }
}
