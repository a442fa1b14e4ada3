BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Get-GptTrainerChatbot' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $support = New-TestChatbot $emulator -Name 'Support EN' -Citations
        $null = New-TestChatbot $emulator -Name 'Support DE'
        $null = New-TestChatbot $emulator -Name 'Sales'
    }

    It 'lists every chatbot as typed objects with flat settings' {
        $all = @(Get-GptTrainerChatbot)
        $all.Count | Should -Be 3
        $all[0] | Should -BeOfType ([GptTrainer.Models.Chatbot])
        $en = $all | Where-Object Name -EQ 'Support EN'
        $en.ChatbotUuid | Should -Be $support.uuid
        $en.ShowCitations | Should -BeTrue
        $en.Visibility | Should -Be 'private'
        $en.RateLimitMessages | Should -Be 20
        $en.RateLimitSeconds | Should -Be 240
        $en.CreatedAt | Should -BeOfType ([datetime])
        $en.CreatedAt.Kind | Should -Be 'Local'
    }

    It 'gets one chatbot by uuid, positionally' {
        (Get-GptTrainerChatbot $support.uuid).Name | Should -Be 'Support EN'
        (Get-EmulatorRequest $emulator -Method GET)[-1].path | Should -Be "/api/v1/chatbot/$($support.uuid)"
    }

    It 'filters by name with wildcards, case-insensitively' {
        @(Get-GptTrainerChatbot -Name 'support*').Name | Sort-Object | Should -Be @('Support DE', 'Support EN')
        @(Get-GptTrainerChatbot -Name 'Sales', 'Support DE').Count | Should -Be 2
        @(Get-GptTrainerChatbot -Name 'Nothing*').Count | Should -Be 0
    }

    It 'reports a plain name that matches nothing' {
        Get-GptTrainerChatbot -Name 'Nobody' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'Nobody'
    }

    It 'has a readable default table view' {
        $table = Get-GptTrainerChatbot -Name 'Support EN' | Out-String -Width 200
        $table | Should -Match 'Name\s+ChatbotUuid\s+Visibility'
        $table | Should -Match $support.uuid
        $table | Should -Not -Match 'RateLimitMessage'
    }
}

Describe 'Sessions' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator -Name 'Session bot'
    }

    It 'creates a session that becomes the current one' {
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $session | Should -BeOfType ([GptTrainer.Models.Session])
        $session.SessionUuid | Should -Match '^[0-9a-f]{32}$'
        $session.ChatbotUuid | Should -Be $bot.uuid
        (Get-GptTrainerContext).SessionUuid | Should -Be $session.SessionUuid
        (Get-GptTrainerContext).ChatbotUuid | Should -Be $bot.uuid
    }

    It 'sends initial variables' {
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid -InitialVariables @{ customer_id = 'C-1042'; plan = 'pro' }
        $sent = (Get-EmulatorRequest $emulator -PathLike '*/session/create')[-1].body | ConvertFrom-Json
        $sent.initial_variables.customer_id | Should -Be 'C-1042'
        $session.InitialVariables.plan | Should -Be 'pro'
    }

    It 'sends nothing with -WhatIf' {
        $null = Invoke-Emulator $emulator 'requests' -Method Delete
        New-GptTrainerSession -ChatbotUuid $bot.uuid -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'gets one session, or all sessions of a chatbot' {
        $a = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $b = New-GptTrainerSession -ChatbotUuid $bot.uuid
        (Get-GptTrainerSession -SessionUuid $a.SessionUuid).SessionUuid | Should -Be $a.SessionUuid
        @(Get-GptTrainerSession -ChatbotUuid $bot.uuid).SessionUuid | Sort-Object | Should -Be (@($a.SessionUuid, $b.SessionUuid) | Sort-Object)
        @(Get-GptTrainerChatbot -ChatbotUuid $bot.uuid | Get-GptTrainerSession).Count | Should -Be 2
        @(Get-GptTrainerSession).Count | Should -Be 2
    }

    It 'fetches a piped session by its own uuid, not its chatbot''s list' {
        $a = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = New-GptTrainerSession -ChatbotUuid $bot.uuid
        @($a | Get-GptTrainerSession).SessionUuid | Should -Be @($a.SessionUuid)
    }

    It 'removes a session after confirmation and forgets it if it was current' {
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $session | Remove-GptTrainerSession -Confirm:$false
        (Get-EmulatorRequest $emulator -Method POST)[-1].path | Should -Be "/api/v1/session/$($session.SessionUuid)/delete"
        @(Get-GptTrainerSession -ChatbotUuid $bot.uuid).Count | Should -Be 0
        (Get-GptTrainerContext).SessionUuid | Should -BeNullOrEmpty
    }

    It 'removes nothing with -WhatIf' {
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Invoke-Emulator $emulator 'requests' -Method Delete
        Remove-GptTrainerSession -SessionUuid $session.SessionUuid -WhatIf
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        @(Get-GptTrainerSession -ChatbotUuid $bot.uuid).Count | Should -Be 1
    }

    It 'lists the stored messages of a session, oldest first' {
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        'one', 'two' | Send-GptTrainerMessage -Raw | Out-Null
        $messages = @($session | Get-GptTrainerMessage)
        $messages.Query | Should -Be @('one', 'two')
        $messages[0] | Should -BeOfType ([GptTrainer.Models.Message])
        $messages[0].SessionUuid | Should -Be $session.SessionUuid
        $messages[0].Citations.Count | Should -Be 0
        $messages[0].CiteDataJson | Should -Be '{}'
    }
}

Describe 'Connection reuse' {
    It 'sends many calls over one pooled connection' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $null = Get-GptTrainerChatbot
        $null = Invoke-Emulator $emulator 'stats/reset' -Method Post

        1..20 | ForEach-Object { $null = Get-GptTrainerChatbot -ChatbotUuid $bot.uuid }
        $null = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Send-GptTrainerMessage -Query 'still the same connection?' -Raw

        # The module's connection was opened before the counter was reset; Invoke-RestMethod, which reads
        # the stats, may open one of its own.
        (Invoke-Emulator $emulator 'stats').connectionsAccepted | Should -BeLessOrEqual 1
        $moduleRequests = @(Get-EmulatorRequest $emulator | Where-Object userAgent -Like 'GptTrainer-PowerShell/*')
        @($moduleRequests.connectionId | Sort-Object -Unique).Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -PathLike "/api/v1/chatbot/$($bot.uuid)").Count | Should -Be 20
    }
}

Describe 'The pipeline from chatbot to reply' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $null = New-TestChatbot $emulator -Name 'Support bot'
        $null = New-TestChatbot $emulator -Name 'Other bot'
    }

    It 'binds uuids by property name from chatbot to session to message' {
        $pieces = @(Get-GptTrainerChatbot -Name 'Support*' | New-GptTrainerSession | Send-GptTrainerMessage -Query 'hello')
        $pieces.Count | Should -BeGreaterThan 1

        $session = (Get-GptTrainerContext).SessionUuid
        (Get-EmulatorRequest $emulator -PathLike '*/message/stream')[-1].path | Should -Be "/api/v1/session/$session/message/stream"
        $stored = Get-GptTrainerMessage
        $stored.Query | Should -Be 'hello'
        (-join $pieces) | Should -BeExactly $stored.Response
    }
}
