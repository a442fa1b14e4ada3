BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'An admin sets up a chatbot, uses it and tears it down' {
    It 'works end to end and leaves nothing behind' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri

        # Create the chatbot and a dedicated agent, and switch the agent on.
        $bot = New-GptTrainerChatbot -Name 'Acme support' -ShowCitations
        $agent = $bot | New-GptTrainerAgent -Name 'Returns desk' -Type user-facing -Model gpt-4o-mini-4k -UseAllSources |
            Enable-GptTrainerAgent -PassThru
        $agent.Enabled | Should -BeTrue
        (Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Returns desk').Enabled | Should -BeTrue

        # Load knowledge: a file, a web page and a Q&A pair.
        $policy = Join-Path $work 'returns-policy.txt'
        Set-Content -Path $policy -Value "Returns are accepted within 30 days of delivery.`nRefunds reach your card within five working days."
        $null = Invoke-Emulator $emulator 'web-page' -Method Post -Body @{ url = 'https://acme.example/shipping'; text = 'Parcels to Europe arrive in three days.' }
        $file = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $policy
        $page = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Url 'https://acme.example/shipping'
        $qa = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Do you gift wrap?' -Answer 'Gift wrapping costs two euros.'
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid).Count | Should -Be 3
        Wait-Until { @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Status success).Count -eq 3 } -Because 'the chatbot to learn its sources'

        # Tag them.
        $tag = New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name 'Customer service' -Color '#088F8F' -DataSourceUuid $file.DataSourceUuid, $page.DataSourceUuid, $qa.DataSourceUuid
        (Get-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid).DataSourceUuids.Count | Should -Be 3

        # Chat, streamed: the reply quotes the uploaded file and cites it.
        $session = $bot | New-GptTrainerSession
        $pieces = @(Send-GptTrainerMessage -Query 'How many days do I have for returns after delivery?')
        $pieces.Count | Should -BeGreaterThan 1
        $reply = -join $pieces
        $reply | Should -Match 'Returns are accepted within 30 days of delivery'
        $stored = Get-GptTrainerMessage | Select-Object -Last 1
        $stored.Citations[0].DataSourceUuid | Should -Be $file.DataSourceUuid
        $null = Send-GptTrainerMessage -Query 'Do you gift wrap presents?' -Raw
        (Get-GptTrainerMessage | Select-Object -Last 1).Response | Should -Match 'two euros'

        # Read the transcript, then remove the messages.
        $transcript = Get-GptTrainerTranscript
        $transcript | Should -Match 'How many days do I have for returns'
        $transcript | Should -Match 'gift wrap'
        Get-GptTrainerMessage | Remove-GptTrainerMessage -Confirm:$false
        @(Get-GptTrainerMessage).Count | Should -Be 0

        # Remove the chatbot: everything under it goes with it.
        $bot | Remove-GptTrainerChatbot -Confirm:$false
        @(Get-GptTrainerChatbot).Count | Should -Be 0
        Get-GptTrainerSession -SessionUuid $session.SessionUuid -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Set-GptTrainerAgent -AgentUuid $agent.AgentUuid -Prompt 'still there?' -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Set-GptTrainerSourceTag -SourceTagUuid $tag.SourceTagUuid -Name 'still there?' -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Invoke-Emulator $emulator 'stats').messagesStored | Should -Be 0
    }
}
