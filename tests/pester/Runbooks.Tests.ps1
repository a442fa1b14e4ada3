# Issue 19, items 1-4: a runbook stops where it should, and the prompt sets no trap. Runbook behaviour is
# shown the way a runbook runs: a script in a child pwsh -NonInteractive -File, whose later lines must not run
# after a failed command with -ErrorAction Stop, and whose exit code must say so.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory

    function Invoke-Runbook {
        <# Runs a script as a runbook: its own pwsh, no profile, no console, no key unless given; output and exit code. #>
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
        $file = Join-Path $work "runbook-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value "Import-Module '$ModuleManifest'`n$Script"
        $saved = @{}
        foreach ($name in @('GPTTRAINER_API_KEY', 'GPTTRAINER_BASE_URL') + @($Environment.Keys)) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $Environment[$name])
        }
        try {
            $output = & dotnet pwsh -NoProfile -NonInteractive -File $file 2>&1 | Out-String
            [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE }
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Errors obey -ErrorAction and $ErrorActionPreference, as built-in cmdlets'' errors do' {
    It 'stops a runbook that runs without a key at the first command with -ErrorAction Stop' {
        $run = Invoke-Runbook @'
$answer = Get-GptTrainerChatbot -Name 'IT helpdesk' -ErrorAction Stop | New-GptTrainerSession -ErrorAction Stop | Send-GptTrainerMessage -Query 'Is the VPN down?' -Raw -ErrorAction Stop
Write-Output "POSTED: $answer"
'@
        $run.Output | Should -Match 'Not connected to GPT-trainer'
        $run.Output | Should -Not -Match 'POSTED'
        $run.ExitCode | Should -Not -Be 0
    }

    It 'stops a runbook whose Connect-GptTrainer has <Case>, with -ErrorAction Stop' -ForEach @(
        @{ Case = 'no key'; Line = 'Connect-GptTrainer -BaseUri $env:TEST_EMULATOR -ErrorAction Stop'; Message = 'No API key' }
        @{ Case = 'a wrong key'; Line = 'Connect-GptTrainer -ApiKey ''not-the-key'' -BaseUri $env:TEST_EMULATOR -ErrorAction Stop'; Message = 'checked the key and it did not work' }
        @{ Case = 'a bad base URI'; Line = 'Connect-GptTrainer -ApiKey ''k'' -BaseUri ''ftp://x'' -ErrorAction Stop'; Message = 'only https' }
    ) {
        $run = Invoke-Runbook "$Line`nWrite-Output 'AFTER'" @{ TEST_EMULATOR = $emulator.Uri }
        $run.Output | Should -Match $Message
        $run.Output | Should -Not -Match 'AFTER'
        $run.ExitCode | Should -Not -Be 0
    }

    It 'stops a runbook that sets $ErrorActionPreference = ''Stop'', and goes on past an error silenced with SilentlyContinue' {
        $stopped = Invoke-Runbook "`$ErrorActionPreference = 'Stop'`nGet-GptTrainerChatbot`nWrite-Output 'AFTER'"
        $stopped.Output | Should -Not -Match 'AFTER'
        $stopped.ExitCode | Should -Not -Be 0

        $silenced = Invoke-Runbook "Get-GptTrainerChatbot -ErrorAction SilentlyContinue`nWrite-Output `"AFTER `$?`""
        $silenced.Output.Trim() | Should -Be 'AFTER False'
        $silenced.ExitCode | Should -Be 0
    }

    Context 'in this session' {
        BeforeEach {
            Disconnect-GptTrainer
            $savedKey, $env:GPTTRAINER_API_KEY = $env:GPTTRAINER_API_KEY, $null
        }

        AfterEach {
            $env:GPTTRAINER_API_KEY = $savedKey
        }

        It 'writes "not connected" as an error that -ErrorVariable collects and -ErrorAction SilentlyContinue silences, once per command' {
            $output = @('a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ ChatbotUuid = 'f' * 32 } } | Get-GptTrainerAgent -ErrorVariable err -ErrorAction SilentlyContinue)

            $output | Should -BeNullOrEmpty
            $err | Should -HaveCount 1 -Because 'nothing is left to do once there is no connection'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
            $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        }

        It 'turns an error into a terminating one with -ErrorAction Stop, for try/catch' {
            { Get-GptTrainerChatbot -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
        }
    }
}

Describe 'The missing connection is reported first' {
    BeforeEach {
        Disconnect-GptTrainer
        $savedKey, $env:GPTTRAINER_API_KEY = $env:GPTTRAINER_API_KEY, $null
    }

    AfterEach {
        $env:GPTTRAINER_API_KEY = $savedKey
    }

    It '<Command> says "not connected", not what else it lacks' -ForEach @(
        @{ Command = 'Get-GptTrainerSession'; Arguments = @{} }
        @{ Command = 'Get-GptTrainerMessage'; Arguments = @{} }
        @{ Command = 'Send-GptTrainerMessage'; Arguments = @{ Query = 'hi' } }
        @{ Command = 'Get-GptTrainerDataSource'; Arguments = @{} }
        @{ Command = 'New-GptTrainerSession'; Arguments = @{} }
        @{ Command = 'Get-GptTrainerSession'; Arguments = @{ ChatbotUuid = 'not-a-uuid' } }
    ) {
        & $Command @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
    }
}

Describe 'An id given empty is never a fallback to the current one' {
    BeforeAll {
        Connect-TestEmulator $emulator
        $current = New-GptTrainerChatbot -Name 'Current'
        $session = $current | New-GptTrainerSession
    }

    BeforeEach {
        Set-GptTrainerContext -ChatbotUuid $current.ChatbotUuid -SessionUuid $session.SessionUuid
        Clear-EmulatorRequest $emulator
    }

    It '<Command> -<Parameter> <Case> is an error before any request' -ForEach @(
        @{ Command = 'New-GptTrainerSession'; Parameter = 'ChatbotUuid'; Case = '$null'; Value = $null }
        @{ Command = 'New-GptTrainerSession'; Parameter = 'ChatbotUuid'; Case = "''"; Value = '' }
        @{ Command = 'New-GptTrainerSession'; Parameter = 'ChatbotUuid'; Case = '@()'; Value = @() }
        @{ Command = 'Get-GptTrainerSession'; Parameter = 'ChatbotUuid'; Case = '$null'; Value = $null }
        @{ Command = 'Get-GptTrainerDataSource'; Parameter = 'ChatbotUuid'; Case = "''"; Value = '' }
        @{ Command = 'Get-GptTrainerAgent'; Parameter = 'ChatbotUuid'; Case = '$null'; Value = $null }
        @{ Command = 'Get-GptTrainerMessage'; Parameter = 'SessionUuid'; Case = '$null'; Value = $null }
        @{ Command = 'Send-GptTrainerMessage'; Parameter = 'SessionUuid'; Case = "''"; Value = '' }
        @{ Command = 'Enter-GptTrainerChat'; Parameter = 'ChatbotUuid'; Case = '$null'; Value = $null }
        @{ Command = 'Set-GptTrainerContext'; Parameter = 'ChatbotUuid'; Case = "''"; Value = '' }
    ) {
        $arguments = @{ $Parameter = $Value }
        if ($Command -eq 'Send-GptTrainerMessage') { $arguments.Query = 'hi' }

        & $Command @arguments -ErrorVariable err -ErrorAction SilentlyContinue

        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EmptyUuid,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match "-$Parameter was given, but empty"
        Get-EmulatorRequestCount $emulator | Should -Be 0
        (Get-GptTrainerContext).ChatbotUuid | Should -Be $current.ChatbotUuid
    }

    It 'says so for the uuid of a chatbot that was not found, as a pipeline would pass it' {
        Enter-GptTrainerChat (Get-GptTrainerChatbot 'IT helpdesc').ChatbotUuid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EmptyUuid,*'
        @(Get-EmulatorRequest $emulator -Method POST) | Should -HaveCount 0
    }

    It 'still falls back to the current chatbot when the parameter is not given' {
        (New-GptTrainerSession).ChatbotUuid | Should -Be $current.ChatbotUuid
    }
}

Describe 'A value of a fixed set that is neither known nor a wildcard is refused' {
    BeforeAll {
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Filters'
        $null = $bot | New-GptTrainerDataSource -Question 'Q1?' -Answer 'A1.'
        Complete-GptTrainerEmulatorProcessing $emulator
    }

    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'refuses -<Parameter> <Value> with the list of valid ones, before any request' -ForEach @(
        @{ Parameter = 'Status'; Value = 'sucess'; Suggestion = 'success' }
        @{ Parameter = 'Type'; Value = 'pdf'; Suggestion = $null }
    ) {
        $arguments = @{ $Parameter = $Value }
        $found = Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid @arguments -ErrorVariable err -ErrorAction SilentlyContinue

        $found | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnknownValue,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be $Value
        $err[0].Exception.Message | Should -Match ($(if ($Parameter -eq 'Status') { 'success, await' } else { 'upload, link, qa' }))
        if ($Suggestion) { $err[0].Exception.Message | Should -Match "did you mean '$Suggestion'" }
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'takes a known value in any case, and a wildcard' {
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Status SUCCESS) | Should -HaveCount 1
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Status 'succ*') | Should -HaveCount 1
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Status 'error*') | Should -HaveCount 0
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Type qa, link) | Should -HaveCount 1
    }
}
