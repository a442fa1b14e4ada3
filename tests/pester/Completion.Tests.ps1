BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator

    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Tab completion' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $support = New-GptTrainerChatbot -Name 'Support bot'
        $sales = New-GptTrainerChatbot -Name 'Sales bot'
        $session = $support | New-GptTrainerSession
        $agent = New-GptTrainerAgent -ChatbotUuid $support.ChatbotUuid -Name 'Billing helper' -Type user-facing
        $source = New-GptTrainerDataSource -ChatbotUuid $support.ChatbotUuid -Question 'Refunds?' -Answer 'Within 30 days.'
        $tag = New-GptTrainerSourceTag -ChatbotUuid $support.ChatbotUuid -Name 'Billing' -Color '#FF5733'
        Disconnect-GptTrainer
        Connect-TestEmulator $emulator
    }

    It 'completes chatbot uuids, showing names' {
        $matches = @(Complete 'Get-GptTrainerChatbot -ChatbotUuid ')
        $matches.CompletionText | Sort-Object | Should -Be (@($support.ChatbotUuid, $sales.ChatbotUuid) | Sort-Object)
        ($matches | Where-Object CompletionText -EQ $support.ChatbotUuid).ListItemText | Should -Be 'Support bot'
    }

    It 'matches typed text against names as well as uuids' {
        @(Complete 'Remove-GptTrainerChatbot -ChatbotUuid Sal').CompletionText | Should -Be @($sales.ChatbotUuid)
        @(Complete "Remove-GptTrainerChatbot -ChatbotUuid $($support.ChatbotUuid.Substring(0, 6))").CompletionText | Should -Be @($support.ChatbotUuid)
    }

    It 'completes session, agent, source and tag uuids once a chatbot is given' {
        $chatbot = "-ChatbotUuid $($support.ChatbotUuid)"
        @(Complete "Get-GptTrainerSession $chatbot -SessionUuid ").CompletionText | Should -Be @($session.SessionUuid)
        $agents = @(Complete "Set-GptTrainerAgent $chatbot -AgentUuid ")
        $agents.CompletionText | Should -Contain $agent.AgentUuid
        $agents.ListItemText | Should -Contain 'Billing helper'
        (@(Complete "Set-GptTrainerDataSource $chatbot -DataSourceUuid ") | Where-Object CompletionText -EQ $source.DataSourceUuid).ListItemText | Should -Be 'Refunds?'
        (@(Complete "Remove-GptTrainerSourceTag $chatbot -SourceTagUuid ")).ListItemText | Should -Be @('Billing')
    }

    It 'offers nothing for child uuids while no chatbot is known' {
        @(Complete 'Set-GptTrainerAgent -AgentUuid ').Count | Should -Be 0
    }

    It 'completes -Model from the model catalogue' {
        $models = @(Complete 'New-GptTrainerAgent -Model gpt-4o-m')
        $models.CompletionText | Should -Contain 'gpt-4o-mini-4k'
        ($models | Where-Object CompletionText -EQ 'gpt-4o-mini-4k').ToolTip | Should -Match '\b1 credit per message'
    }

    It 'serves repeated completions from a short cache' {
        Clear-EmulatorRequest $emulator
        1..5 | ForEach-Object { $null = Complete 'Get-GptTrainerChatbot -ChatbotUuid ' }
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -BeLessOrEqual 1
    }

    It 'asks for a list once whether names or uuids of it are completed' {
        Connect-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        (Complete "Get-GptTrainerAgent -ChatbotUuid $($support.ChatbotUuid) -Name ").CompletionText | Should -Contain "'Billing helper'"
        (Complete "Set-GptTrainerAgent -ChatbotUuid $($support.ChatbotUuid) -AgentUuid ").CompletionText | Should -Contain $agent.AgentUuid
        (Complete 'Get-GptTrainerChatbot -Name ').CompletionText | Should -Contain "'Support bot'"
        (Complete 'Get-GptTrainerChatbot -ChatbotUuid ').CompletionText | Should -Contain $support.ChatbotUuid
        @(Get-EmulatorRequest $emulator -PathLike "/api/v1/chatbot/$($support.ChatbotUuid)/agents").Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
    }

    It 'sees changes made through the module at once' {
        $new = New-GptTrainerChatbot -Name 'Fresh bot'
        @(Complete 'Get-GptTrainerChatbot -ChatbotUuid Fresh').CompletionText | Should -Be @($new.ChatbotUuid)
    }

    It 'neither throws nor hangs when the service stalls or fails' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Disconnect-GptTrainer
        Connect-TestEmulator $emulator
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; stallBeforeHeadersMs = 30000; times = 1 }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $stalled = @(Complete 'Get-GptTrainerChatbot -ChatbotUuid ')
        $watch.Stop()
        $stalled.Count | Should -Be 0
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10

        # TabExpansion2 swallows a completer's exception and offers nothing: so the completer is seen to ask, to
        # offer nothing on a failure, and to offer the agent once the service answers.
        $bot = New-GptTrainerChatbot -Name 'Completion bot'
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Billing' -Type background
        Clear-EmulatorRequest $emulator
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/agents$'; status = 500; times = 1 }
        $line = "Set-GptTrainerAgent -ChatbotUuid $($bot.ChatbotUuid) -AgentUuid "
        @(Complete $line) | Should -HaveCount 0
        @(Get-EmulatorRequest $emulator -PathLike '*/agents' -Method GET) | Should -HaveCount 1 -Because 'the completer asked, and the 500 it got offers nothing'
        @(Complete $line).CompletionText | Should -Contain $agent.AgentUuid
    }

    It 'offers nothing, silently, when not connected' {
        Disconnect-GptTrainer
        $saved = $env:GPTTRAINER_API_KEY
        $env:GPTTRAINER_API_KEY = $null
        try {
            @(Complete 'Get-GptTrainerChatbot -ChatbotUuid ').Count | Should -Be 0
        }
        finally {
            $env:GPTTRAINER_API_KEY = $saved
            Connect-TestEmulator $emulator
        }
    }
}
