BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator -Seed (Join-Path $RepoRoot 'src/GptTrainer.Emulator/seed.sample.json')
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'An emulator started from a seed file' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'holds the seed''s knowledge base, ready to answer with citations' {
        $bot = Get-GptTrainerChatbot -Name 'Acme support'
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Status success).Count | Should -Be 4
        (Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'General Q&A').Model | Should -Be 'gpt-4o-mini-16k'

        $null = $bot | New-GptTrainerSession
        $reply = Send-GptTrainerMessage -Query 'How much does gift wrapping cost?' -Raw
        $reply | Should -BeExactly 'Gift wrapping costs two euros per item [1.1].'
        (Get-GptTrainerMessage | Select-Object -Last 1).Citations[0].Title | Should -Be 'Do you gift wrap presents?'
    }

    It 'goes back to the seed on reset' {
        Get-GptTrainerChatbot -Name 'Acme support' | Remove-GptTrainerChatbot -Confirm:$false
        @(Get-GptTrainerChatbot).Name | Should -Be @('Internal helpdesk')

        $null = Invoke-Emulator $emulator 'reset' -Method Post

        @(Get-GptTrainerChatbot).Name | Sort-Object | Should -Be @('Acme support', 'Internal helpdesk')
    }
}
