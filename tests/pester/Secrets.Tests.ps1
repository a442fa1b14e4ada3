BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'The API key never shows' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
    }

    It 'appears in no stream of any cmdlet, in success and failure, with -Verbose -Debug' {
        $key = $emulator.ApiKey
        $wrongKey = 'wrong-' + [guid]::NewGuid().ToString('N')
        $bot = New-TestChatbot $emulator -Name 'Secret bot' -Citations
        $unknown = [guid]::NewGuid().ToString('N')

        $everything = & {
            Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -PassThru -Verbose -Debug
            Get-GptTrainerContext -Verbose -Debug
            Get-GptTrainerChatbot -Verbose -Debug
            Get-GptTrainerChatbot -Name 'Secret*' -Verbose -Debug
            Get-GptTrainerChatbot -ChatbotUuid $unknown -Verbose -Debug
            $session = New-GptTrainerSession -ChatbotUuid $bot.uuid -Verbose -Debug
            $session
            Get-GptTrainerSession -ChatbotUuid $bot.uuid -Verbose -Debug
            Get-GptTrainerSession -SessionUuid $session.SessionUuid -Verbose -Debug
            Send-GptTrainerMessage -Query 'Is my key safe?' -PassThru -Verbose -Debug
            Get-GptTrainerMessage -Verbose -Debug
            Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 429; retryAfter = '0' } | Out-Null
            Send-GptTrainerMessage -Query 'retry me' -Verbose -Debug
            Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; cutAfterBytes = 5 } | Out-Null
            Send-GptTrainerMessage -Query 'cut me' -Verbose -Debug
            Remove-GptTrainerSession -SessionUuid $session.SessionUuid -WhatIf -Verbose -Debug
            Remove-GptTrainerSession -SessionUuid $session.SessionUuid -Confirm:$false -Verbose -Debug
            Remove-GptTrainerSession -SessionUuid $session.SessionUuid -Confirm:$false -Verbose -Debug
            Connect-GptTrainer -ApiKey $wrongKey -BaseUri $emulator.Uri -Verbose -Debug
            Get-GptTrainerChatbot -Verbose -Debug
            Get-GptTrainerContext | Format-List * -Force | Out-String
            Disconnect-GptTrainer -Verbose -Debug
        } *>&1

        $text = $everything | ForEach-Object {
            $_ | Out-String -Width 4096
            if ($_ -is [System.Management.Automation.ErrorRecord]) {
                $_ | Format-List * -Force | Out-String -Width 4096
                $_.Exception | Format-List * -Force | Out-String -Width 4096
                $_.Exception.ToString()
            }
            elseif ($_ -isnot [string]) {
                $_ | Format-List * -Force | Out-String -Width 4096
                $_.ToString()
            }
        }
        $all = $text -join "`n"

        # The run really went through the paths it claims to: verbose, debug, errors, output.
        @($everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        @($everything | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 5
        @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterOrEqual 3
        $all | Should -Match 'Is my key safe'

        $all | Should -Not -Match ([regex]::Escape($key))
        $all | Should -Not -Match ([regex]::Escape($wrongKey))
        $all | Should -Not -Match 'Bearer '
    }
}
