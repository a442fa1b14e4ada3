BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $null = Invoke-Emulator $emulator 'reset' -Method Post
    Connect-TestEmulator $emulator
    $bot = New-GptTrainerChatbot -Name 'WhatIf bot'
    $session = $bot | New-GptTrainerSession
    $agent = Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid
    $source = New-GptTrainerDataSource -Question 'Q?' -Answer 'A.'
    $tag = New-GptTrainerSourceTag -Name T -Color '#123456'
    $null = Send-GptTrainerMessage -Query 'hello' -NoStream
    $message = Get-GptTrainerMessage
    $file = Join-Path ([System.IO.Path]::GetTempPath()) "whatif-$([guid]::NewGuid().ToString('N')).txt"
    Set-Content -Path $file -Value 'text'
    $exportFolder = Join-Path ([System.IO.Path]::GetTempPath()) "whatif-export-$([guid]::NewGuid().ToString('N'))"
    $null = Export-GptTrainerChatbot $bot.ChatbotUuid -Path $exportFolder
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item $file -ErrorAction SilentlyContinue
    Remove-Item -Recurse $exportFolder -ErrorAction SilentlyContinue
}

Describe '-WhatIf sends no request at all' {
    It '<Command>' -ForEach @(
        @{ Command = 'New-GptTrainerChatbot'; Run = { New-GptTrainerChatbot -Name 'x' -WhatIf } }
        @{ Command = 'Set-GptTrainerChatbot'; Run = { Set-GptTrainerChatbot $bot.ChatbotUuid -Name 'y' -RateLimitSeconds 30 -WhatIf } }
        @{ Command = 'Remove-GptTrainerChatbot'; Run = { $bot | Remove-GptTrainerChatbot -WhatIf } }
        @{ Command = 'New-GptTrainerAgent'; Run = { New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'x' -Type user-facing -WhatIf } }
        @{ Command = 'Set-GptTrainerAgent'; Run = { $agent | Set-GptTrainerAgent -Prompt 'p' -WhatIf } }
        @{ Command = 'Enable-GptTrainerAgent'; Run = { $agent | Enable-GptTrainerAgent -WhatIf } }
        @{ Command = 'Disable-GptTrainerAgent'; Run = { $agent | Disable-GptTrainerAgent -WhatIf } }
        @{ Command = 'Remove-GptTrainerAgent'; Run = { $agent | Remove-GptTrainerAgent -WhatIf } }
        @{ Command = 'New-GptTrainerSession'; Run = { $bot | New-GptTrainerSession -WhatIf } }
        @{ Command = 'Remove-GptTrainerSession'; Run = { $session | Remove-GptTrainerSession -WhatIf } }
        @{ Command = 'Remove-GptTrainerMessage'; Run = { $message | Remove-GptTrainerMessage -WhatIf } }
        @{ Command = 'New-GptTrainerDataSource -Path'; Run = { New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $file -WhatIf } }
        @{ Command = 'New-GptTrainerDataSource -Url'; Run = { New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Url 'https://example.org/a' -WhatIf } }
        @{ Command = 'New-GptTrainerDataSource -Question'; Run = { New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'q' -Answer 'a' -WhatIf } }
        @{ Command = 'Set-GptTrainerDataSource'; Run = { $source | Set-GptTrainerDataSource -Title 't' -WhatIf } }
        @{ Command = 'Update-GptTrainerDataSource'; Run = { $source | Update-GptTrainerDataSource -WhatIf } }
        @{ Command = 'Restart-GptTrainerDataSource'; Run = { $source | Restart-GptTrainerDataSource -WhatIf } }
        @{ Command = 'Remove-GptTrainerDataSource'; Run = { $source | Remove-GptTrainerDataSource -WhatIf } }
        # A sync's plan needs the chatbot's list: one read, and no write.
        @{ Command = 'Sync-GptTrainerDataSource'; Reads = 1; Run = { Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path (Split-Path $file) -Include (Split-Path $file -Leaf) -WhatIf } }
        @{ Command = 'New-GptTrainerSourceTag'; Run = { New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name 'n' -Color '#000000' -WhatIf } }
        @{ Command = 'Set-GptTrainerSourceTag'; Run = { $tag | Set-GptTrainerSourceTag -Name 'm' -WhatIf } }
        @{ Command = 'Remove-GptTrainerSourceTag'; Run = { $tag | Remove-GptTrainerSourceTag -WhatIf } }
        @{ Command = 'Set-GptTrainerContext'; Run = { $session | Set-GptTrainerContext -WhatIf } }
        @{ Command = 'Invoke-GptTrainerApi -Method POST'; Run = { Invoke-GptTrainerApi -Method POST -Path 'chatbot/create' -Body @{ name = 'x' } -WhatIf } }
        @{ Command = 'Invoke-GptTrainerApi -Method DELETE'; Run = { Invoke-GptTrainerApi -Method DELETE -Path "chatbot/$($bot.ChatbotUuid)/delete" -WhatIf } }
        @{ Command = 'Invoke-GptTrainerEvaluation'; Run = { Invoke-GptTrainerEvaluation @{ Question = 'q?'; Contains = 'a' } -ChatbotUuid $bot.ChatbotUuid -WhatIf } }
        @{ Command = 'Export-GptTrainerConversation'; Run = { $bot | Export-GptTrainerConversation -Path "$file.jsonl" -WhatIf; Test-Path "$file.jsonl" | Should -BeFalse } }
        # Chatbot as code reads the chatbot (itself, its agents, tags and sources) to plan, and writes nothing.
        @{ Command = 'Export-GptTrainerChatbot'; Reads = 4; Run = { Export-GptTrainerChatbot $bot.ChatbotUuid -Path $exportFolder -WhatIf } }
        @{ Command = 'Import-GptTrainerChatbot'; Reads = 4; Run = { Import-GptTrainerChatbot -Path $exportFolder -Mode Mirror -WhatIf } }
        @{ Command = 'Import-GptTrainerChatbot -Name'; Run = { Import-GptTrainerChatbot -Path $exportFolder -Name 'x' -WhatIf } }
        @{ Command = 'Copy-GptTrainerChatbot'; Reads = 4; Run = { Copy-GptTrainerChatbot $bot.ChatbotUuid -Name 'x' -WhatIf } }
    ) {
        Clear-EmulatorRequest $emulator
        $output = & $Run 6>&1 | Out-String
        @(Get-EmulatorRequest $emulator -Method GET).Count | Should -Be ([int]$Reads)
        Get-EmulatorRequestCount $emulator | Should -Be ([int]$Reads)
        $output | Should -Not -Match 'Exception'
    }

    It 'covers every cmdlet that changes something' {
        $changing = Get-Command -Module GptTrainer | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name
        $tested = 'New-GptTrainerChatbot', 'Set-GptTrainerChatbot', 'Remove-GptTrainerChatbot', 'New-GptTrainerAgent', 'Set-GptTrainerAgent',
            'Enable-GptTrainerAgent', 'Disable-GptTrainerAgent', 'Remove-GptTrainerAgent', 'New-GptTrainerSession', 'Remove-GptTrainerSession',
            'Remove-GptTrainerMessage', 'New-GptTrainerDataSource', 'Set-GptTrainerDataSource', 'Update-GptTrainerDataSource',
            'Restart-GptTrainerDataSource', 'Remove-GptTrainerDataSource', 'Sync-GptTrainerDataSource', 'New-GptTrainerSourceTag', 'Set-GptTrainerSourceTag', 'Remove-GptTrainerSourceTag', 'Invoke-GptTrainerApi', 'Set-GptTrainerContext',
            'Invoke-GptTrainerEvaluation', 'Export-GptTrainerConversation', 'Export-GptTrainerChatbot', 'Import-GptTrainerChatbot', 'Copy-GptTrainerChatbot'
        $changing | Sort-Object | Should -Be ($tested | Sort-Object)
    }
}
