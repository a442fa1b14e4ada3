# Issue 14: what a Pester suite of answer tests uses: Should -CiteSource and Send-GptTrainerMessage -AsMessage.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
    $null = Invoke-Emulator $emulator 'reset' -Method Post
    Connect-TestEmulator $emulator
    $bot = New-GptTrainerChatbot -Name 'Acme support' -ShowCitations
    $files = foreach ($file in @{ Name = 'returns-policy.txt'; Text = 'Refunds are paid within 30 days of the return.' }, @{ Name = 'shipping-rates.txt'; Text = 'Parcels to Europe arrive in three days.' }) {
        $path = Join-Path $work $file.Name
        Set-Content -Path $path -Value $file.Text
        $path
    }
    $returns, $shipping = $files | New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid
    Complete-GptTrainerEmulatorProcessing $emulator
    $refunds = 'How long do refunds take?'
    $pesterManifest = (Get-Module Pester).Path -replace 'psm1$', 'psd1'
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Send-GptTrainerMessage -AsMessage' {
    BeforeEach {
        $session = $bot | New-GptTrainerSession
    }

    It 'writes only the stored message, once the whole reply has arrived' {
        $output = @(Send-GptTrainerMessage $refunds -AsMessage)

        $output | Should -HaveCount 1
        $output[0] | Should -BeOfType ([GptTrainer.Models.Message])
        $output[0].Response | Should -Be 'Refunds are paid within 30 days of the return [1.1].'
        $output[0].FinishReason | Should -Be 'stop'
        $output[0].Citations.Title | Should -Be @('returns-policy.txt')
        $output[0].SessionUuid | Should -Be $session.SessionUuid
        @(Get-EmulatorRequest $emulator -PathLike "/api/v1/session/$($session.SessionUuid)/message/stream").Count | Should -Be 1
    }

    It 'writes the stored message of the non-streamed endpoint too' {
        $output = @(Send-GptTrainerMessage $refunds -AsMessage -NoStream)
        $output | Should -HaveCount 1
        $output[0].Citations.Title | Should -Be @('returns-policy.txt')
    }

    It 'refuses -<With>, which is about the text it does not write, before sending anything' -ForEach @(@{ With = 'Raw' }, @{ With = 'Show' }) {
        Clear-EmulatorRequest $emulator
        $switch = @{ $With = $true }
        { Send-GptTrainerMessage $refunds -AsMessage @switch -ErrorAction Stop } | Should -Throw -ErrorId 'AsMessageWithText,GptTrainer.Commands.SendGptTrainerMessageCommand'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'reports a reply the session does not list as an error of its own' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'GET'; path = '/messages$'; status = 200; body = '[]' }
        try {
            $output = @(Send-GptTrainerMessage $refunds -AsMessage -ErrorVariable problems -ErrorAction SilentlyContinue)
        }
        finally { $null = Invoke-Emulator $emulator 'faults' -Method Delete }

        $output | Should -HaveCount 0
        $problems[0].FullyQualifiedErrorId | Should -Be 'MessageNotStored,GptTrainer.Commands.SendGptTrainerMessageCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be $refunds
    }
}

Describe 'Should -CiteSource' {
    BeforeAll {
        $null = $bot | New-GptTrainerSession
        $message = Send-GptTrainerMessage $refunds -AsMessage
        $uuid = $returns.DataSourceUuid
    }

    It 'passes on <Kind>' -ForEach @(
        @{ Kind = 'a message from -AsMessage'; Get = { $message } }
        @{ Kind = 'the whole output of -PassThru, pieces and message'; Get = { Send-GptTrainerMessage $refunds -PassThru } }
        @{ Kind = 'a message from Get-GptTrainerMessage'; Get = { Get-GptTrainerMessage | Select-Object -Last 1 } }
        @{ Kind = 'an evaluation result'; Get = { Invoke-GptTrainerEvaluation @{ Question = $refunds } -ChatbotUuid $bot.ChatbotUuid } }
        @{ Kind = 'a result that went through a file and came back as plain properties'; Get = {
                $file = Join-Path $work 'result.xml'
                Invoke-GptTrainerEvaluation @{ Question = $refunds } -ChatbotUuid $bot.ChatbotUuid | Export-Clixml -Path $file
                Import-Clixml -Path $file
            }
        }
    ) {
        $actual = & $Get
        $actual | Should -CiteSource 'returns-policy.txt'
        $actual | Should -CiteSource 'RETURNS-POLICY.TXT' -Because 'titles are matched without regard to case'
        $actual | Should -CiteSource $uuid
        $actual | Should -CiteSource ([guid]$uuid).ToString()
        $actual | Should -Not -CiteSource 'shipping-rates.txt'
        Should -ActualValue $actual -CiteSource 'returns-policy.txt'
    }

    It 'fails Pester''s way, listing the sources the reply cited' {
        { $message | Should -CiteSource 'shipping-rates.txt' -Because 'shipping questions cite the rates' } |
            Should -Throw -ExpectedMessage "Expected the reply to cite 'shipping-rates.txt', because shipping questions cite the rates, but it cited 'returns-policy.txt' ($uuid)."
    }

    It 'says which of several sources is missing' {
        { $message | Should -CiteSource 'returns-policy.txt', 'shipping-rates.txt' } |
            Should -Throw -ExpectedMessage "Expected the reply to cite 'returns-policy.txt' and 'shipping-rates.txt', but 'shipping-rates.txt' is not among what it cited: 'returns-policy.txt' ($uuid)."
    }

    It 'fails -Not naming the source it should not have cited' {
        { $message | Should -Not -CiteSource $uuid } |
            Should -Throw -ExpectedMessage "Expected the reply not to cite '$uuid', but it cited 'returns-policy.txt' ($uuid)."
    }

    It 'says when the reply cited nothing' {
        $null = $bot | New-GptTrainerSession
        $unknown = Send-GptTrainerMessage 'Do you sell bicycles?' -AsMessage
        { $unknown | Should -CiteSource 'returns-policy.txt' } |
            Should -Throw -ExpectedMessage "Expected the reply to cite 'returns-policy.txt', but it cited no sources."
    }

    It 'says what it got when that is no message' {
        { 'Refunds are paid within 30 days.' | Should -CiteSource 'returns-policy.txt' } |
            Should -Throw -ExpectedMessage "Expected a GptTrainer message or evaluation result (from Send-GptTrainerMessage -PassThru or -AsMessage, Get-GptTrainerMessage, or Invoke-GptTrainerEvaluation) to cite 'returns-policy.txt', but got the text 'Refunds are paid within 30 days.'."
    }

    It 'names the reply that failed when several are checked' {
        $both = @($message, (Get-GptTrainerMessage -SessionUuid $message.SessionUuid | Select-Object -First 1))
        $null = $bot | New-GptTrainerSession
        $both += Send-GptTrainerMessage 'How fast do parcels to Europe arrive?' -AsMessage
        { $both | Should -CiteSource 'returns-policy.txt' } | Should -Throw -ExpectedMessage "Expected reply 3 of 3 to cite 'returns-policy.txt', but it cited 'shipping-rates.txt' ($($shipping.DataSourceUuid))."
    }
}

Describe 'Should -CiteSource in a session of its own' {
    BeforeAll {
        $null = $bot | New-GptTrainerSession
        $null = Send-GptTrainerMessage $refunds -AsMessage
        $sessionUuid = (Get-GptTrainerContext).SessionUuid

        # A fresh pwsh, as a CI job starts one: the order of imports is the script's.
        function Invoke-Fresh([string] $Script) {
            $prelude = "`$ErrorActionPreference = 'Stop'; `$env:GPTTRAINER_API_KEY = '$($emulator.ApiKey)'; `$env:GPTTRAINER_BASE_URL = '$($emulator.Uri)'; `$pester = '$pesterManifest'; `$gptTrainer = '$ModuleManifest'; `$session = '$sessionUuid'`n"
            $lines = & dotnet pwsh -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1
            if ($LASTEXITCODE -ne 0) { throw "The fresh session failed: $($lines -join "`n")" }
            $lines | Where-Object { $_ -is [string] -and $_.StartsWith('{') } | ConvertFrom-Json
        }
    }

    It 'is there as soon as GptTrainer is imported after Pester' {
        $seen = Invoke-Fresh @'
Import-Module $pester
Import-Module $gptTrainer
$atImport = (Get-ShouldOperator).Name -contains 'CiteSource'
Get-GptTrainerMessage -SessionUuid $session | Select-Object -Last 1 | Should -CiteSource 'returns-policy.txt'
@{ AtImport = $atImport } | ConvertTo-Json -Compress
'@
        $seen.AtImport | Should -BeTrue
    }

    It 'comes with the first command that returns messages when Pester is imported after GptTrainer, or imported again' {
        $seen = Invoke-Fresh @'
Import-Module $gptTrainer
$null = Get-GptTrainerMessage -SessionUuid $session
# Without Pester, nothing loads it: the module does not depend on it.
$pesterLoadedByGptTrainer = [bool](Get-Module Pester)
Import-Module $pester
$beforeAnyCommand = (Get-ShouldOperator).Name -contains 'CiteSource'
$message = Get-GptTrainerMessage -SessionUuid $session | Select-Object -Last 1
$message | Should -CiteSource 'returns-policy.txt'
$failure = try { $message | Should -CiteSource 'shipping-rates.txt'; 'passed' } catch { $_.Exception.Message }
# Importing Pester again forgets every operator added to it; the next command adds this one again.
Import-Module $pester -Force
$forgotten = -not ((Get-ShouldOperator).Name -contains 'CiteSource')
$message = Send-GptTrainerMessage 'How long do refunds take?' -SessionUuid $session -AsMessage
$message | Should -CiteSource 'returns-policy.txt'
@{ Loaded = $pesterLoadedByGptTrainer; Before = $beforeAnyCommand; Failure = $failure; Forgotten = $forgotten } | ConvertTo-Json -Compress
'@
        $seen.Loaded | Should -BeFalse
        $seen.Before | Should -BeFalse
        $seen.Failure | Should -BeLike "Expected the reply to cite 'shipping-rates.txt', but it cited 'returns-policy.txt' (*)."
        $seen.Forgotten | Should -BeTrue
    }

    It 'leaves Pester out of the manifest''s requirements' {
        $manifest = Import-PowerShellDataFile $ModuleManifest
        $manifest.Keys | Should -Not -Contain 'RequiredModules'
        $manifest.Keys | Should -Not -Contain 'NestedModules'
    }
}
