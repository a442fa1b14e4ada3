# Issue 13: waiting for data sources to be processed, for sources piped from any cmdlet and for
# New-GptTrainerDataSource -Wait. Processing runs on the emulator's clock (200 ms in tests); failures and
# slow sources are pinned through its control API, never waited for by a guessed delay.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Wait-GptTrainerDataSource' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Wait bot'
    }

    It 'waits for sources piped from New-GptTrainerDataSource, reading the list once per round' {
        $sources = 1..3 | ForEach-Object { New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question "Question $_?" -Answer "Answer $_." }
        $sources.Status | Should -Be @('await', 'await', 'await')
        Clear-EmulatorRequest $emulator

        $done = @($sources | Wait-GptTrainerDataSource)

        $done.Status | Should -Be @('success', 'success', 'success')
        $done.DataSourceUuid | Should -Be $sources.DataSourceUuid
        $lists = @(Get-EmulatorRequest $emulator)
        $lists | ForEach-Object { $_.path | Should -Be "/api/v1/chatbot/$($bot.ChatbotUuid)/data-sources" }
        $lists.Count | Should -BeLessThan 10
    }

    It 'waits for what a sync added, piped from Sync-GptTrainerDataSource' {
        $folder = Join-Path $work ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        Set-Content -Path (Join-Path $folder 'a.md') -Value 'Alpha.'
        Set-Content -Path (Join-Path $folder 'b.md') -Value 'Beta.'

        $done = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $folder -InformationAction Ignore |
            Where-Object Action -In 'Added', 'Updated' | Wait-GptTrainerDataSource)

        $done.Status | Should -Be @('success', 'success')
        $done.FileName | ForEach-Object { $_ | Should -Match '^[ab]\.gtsync-' }
    }

    It 'is what New-GptTrainerDataSource -Wait uses' {
        $file = Join-Path $work 'wait.md'
        Set-Content -Path $file -Value 'Processed before it is written.'

        $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $file -Wait

        $source.Status | Should -Be 'success'
        $source.Tokens | Should -BeGreaterThan 0
    }

    It 'makes a failed source an error that explains the status' {
        $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ tokenBudget = 1 }
        try {
            $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Too big?' -Answer ('Words. ' * 100)
            $result = $source | Wait-GptTrainerDataSource -ErrorVariable err -ErrorAction SilentlyContinue
        }
        finally {
            $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ tokenBudget = 10000000 }
        }

        $result.Status | Should -Be 'error:token'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DataSourceFailed,*'
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $err[0].Exception.Message | Should -Match "'Too big\?'.*error:token.*plan's token limit"
        $err[0].TargetObject.DataSourceUuid | Should -Be $source.DataSourceUuid
    }

    It 'explains <Status>' -ForEach @(
        @{ Status = 'error:storage'; Category = 'LimitsExceeded'; Says = 'storage limit' }
        @{ Status = 'fail'; Category = 'InvalidData'; Says = 'could not read or process' }
        @{ Status = 'error'; Category = 'InvalidData'; Says = 'reported an error' }
    ) {
        $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Q?' -Answer 'A.'
        $null = Invoke-Emulator $emulator "sources/$($source.DataSourceUuid)/status" -Method Post -Body @{ status = $Status }

        $source | Wait-GptTrainerDataSource -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null

        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].Exception.Message | Should -Match $Says
    }

    It 'gives up after -TimeoutSec with a WaitTimeout error, and the source as it was' {
        $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Slow?' -Answer 'Yes.'
        $null = Invoke-Emulator $emulator "sources/$($source.DataSourceUuid)/status" -Method Post -Body @{ status = 'embedding' }

        $result = $source | Wait-GptTrainerDataSource -TimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'embedding'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
        $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err[0].Exception.Message | Should -Match "still 'embedding' after 1 s.*-TimeoutSec"
    }

    It 'reports a source the chatbot does not list, and a malformed uuid before any request' {
        $missing = 'e' * 32
        $null = Wait-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -DataSourceUuid $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DataSourceNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'

        Clear-EmulatorRequest $emulator
        Wait-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -DataSourceUuid 'bad' -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUuid,*'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'stops at once on Ctrl+C' {
        $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Forever?' -Answer 'Yes.'
        $null = Invoke-Emulator $emulator "sources/$($source.DataSourceUuid)/status" -Method Post -Body @{ status = 'embedding' }
        Clear-EmulatorRequest $emulator
        $run = Start-ModuleInstance $emulator 'Wait-GptTrainerDataSource -ChatbotUuid $Arguments.Bot -DataSourceUuid $Arguments.Source' @{ Bot = $bot.ChatbotUuid; Source = $source.DataSourceUuid }
        try {
            Wait-Until { (Get-EmulatorRequestCount $emulator) -ge 2 } -Because 'the wait to be polling'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            $watch.ElapsedMilliseconds | Should -BeLessThan 250
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $run.PowerShell.Dispose()
        }
    }
}
