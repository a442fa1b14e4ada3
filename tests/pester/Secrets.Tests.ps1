BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
    $doc = Join-Path $work 'doc.txt'
    Set-Content -Path $doc -Value 'A document for the session.'

    # Renders everything a run wrote, on every stream, the ways a user could look at it.
    function ConvertTo-EverythingText([object[]] $records) {
        $text = foreach ($record in $records) {
            $record | Out-String -Width 4096
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $record | Format-List * -Force | Out-String -Width 4096
                $record.Exception | Format-List * -Force | Out-String -Width 4096
                $record.Exception.ToString()
                $record.ErrorDetails
            }
            elseif ($record -is [System.Management.Automation.InformationalRecord]) {
                $record.Message
            }
            elseif ($record -isnot [string]) {
                $record | Format-List * -Force | Out-String -Width 4096
                $record | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
                $record.ToString()
            }
        }
        $text -join "`n"
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'The API key never shows' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $InformationPreference = 'Continue'
    }

    It 'appears in no stream of any cmdlet on the success path, with -Verbose -Debug' {
        $key = $emulator.ApiKey
        $everything = & {
            Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -PassThru -Verbose -Debug
            Get-GptTrainerContext -Verbose -Debug
            $bot = New-GptTrainerChatbot -Name 'Secret bot' -ShowCitations -Verbose -Debug
            $bot
            Set-GptTrainerChatbot $bot.ChatbotUuid -RateLimitMessages 10 -PassThru -Verbose -Debug
            Get-GptTrainerChatbot -Verbose -Debug
            Get-GptTrainerChatbot -Name 'Secret*' -Verbose -Debug
            $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Agent' -Type user-facing -Verbose -Debug
            $agent | Set-GptTrainerAgent -Prompt 'p' -PassThru -Verbose -Debug
            $agent | Enable-GptTrainerAgent -PassThru -Verbose -Debug
            $agent | Disable-GptTrainerAgent -PassThru -Verbose -Debug
            Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Verbose -Debug
            Get-GptTrainerModel -Verbose -Debug
            $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Is my key safe?' -Answer 'Yes, it is never shown.' -Verbose -Debug
            $source
            New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $doc -Verbose -Debug
            New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $doc -Verbose -Debug
            New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Url 'https://example.org/secret' -Verbose -Debug
            Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Verbose -Debug
            $source | Set-GptTrainerDataSource -Title 'Safety' -PassThru -Verbose -Debug
            Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Type link | Update-GptTrainerDataSource -Verbose -Debug
            $source | Restart-GptTrainerDataSource -Verbose -Debug
            $tag = New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name 'T' -Color '#000000' -DataSourceUuid $source.DataSourceUuid -Verbose -Debug
            $tag | Set-GptTrainerSourceTag -Name 'U' -PassThru -Verbose -Debug
            Get-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Verbose -Debug
            $session = New-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -InitialVariables @{ plan = 'pro' } -Verbose -Debug
            $session
            Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -CreatedAfter (Get-Date).AddDays(-1) -Verbose -Debug
            Get-GptTrainerSession -SessionUuid $session.SessionUuid -Verbose -Debug
            Send-GptTrainerMessage -Query 'Is my key safe?' -PassThru -Verbose -Debug
            Send-GptTrainerMessage -Query 'Is it really?' -NoStream -DocumentPath $doc -Verbose -Debug
            Get-GptTrainerMessage -Verbose -Debug
            Get-GptTrainerTranscript -Verbose -Debug
            Get-GptTrainerMessage | Remove-GptTrainerMessage -Confirm:$false -Verbose -Debug
            $tag | Remove-GptTrainerSourceTag -Confirm:$false -Verbose -Debug
            Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid | Remove-GptTrainerDataSource -Confirm:$false -Verbose -Debug
            $agent | Remove-GptTrainerAgent -Confirm:$false -Verbose -Debug
            $session | Remove-GptTrainerSession -Confirm:$false -Verbose -Debug
            $bot | Remove-GptTrainerChatbot -Confirm:$false -Verbose -Debug
            Disconnect-GptTrainer -Verbose -Debug
        } *>&1

        $used = $everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { ($_.Message -split ' ')[0] }
        @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 0
        # Under -Debug, warnings go to the debug stream (see the non-interactive test below).
        @($everything | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match '^WARNING: .*already a data source' }).Count | Should -Be 1
        @($everything | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 30
        $used | Should -Contain 'DELETE'

        $all = ConvertTo-EverythingText $everything
        $all | Should -Match 'Is my key safe'
        $all | Should -Not -Match ([regex]::Escape($key))
        $all | Should -Not -Match 'Bearer '
    }

    It 'appears in no stream on failure paths: refusals, retries, cuts, timeouts, a wrong key' {
        $key = $emulator.ApiKey
        $wrongKey = 'wrong-' + [guid]::NewGuid().ToString('N')
        $bot = New-TestChatbot $emulator -Name 'Failing bot'
        $unknown = [guid]::NewGuid().ToString('N')

        $everything = & {
            Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -Verbose -Debug
            $session = New-GptTrainerSession -ChatbotUuid $bot.uuid -Verbose -Debug
            Get-GptTrainerChatbot -ChatbotUuid $unknown -Verbose -Debug
            Get-GptTrainerChatbot -ChatbotUuid 'not-a-uuid' -Verbose -Debug
            Set-GptTrainerAgent -AgentUuid $unknown -Prompt 'x' -Verbose -Debug
            Remove-GptTrainerSourceTag -SourceTagUuid $unknown -Confirm:$false -Verbose -Debug
            Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 429; retryAfter = '0' } | Out-Null
            Send-GptTrainerMessage -Query 'retry me' -Raw -Verbose -Debug
            # Pieces 20 ms apart, so the first has surely been read when the connection is cut.
            Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @('first ', 'second ', 'third'); pieceDelayMs = 20 } | Out-Null
            Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; cutAfterBytes = 6 } | Out-Null
            Send-GptTrainerMessage -Query 'cut me' -Verbose -Debug
            Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; stallBeforeHeadersMs = 5000 } | Out-Null
            Get-GptTrainerChatbot -IdleTimeoutSec 1 -Verbose -Debug
            Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 500; body = 'internal failure' } | Out-Null
            Get-GptTrainerChatbot -Verbose -Debug
            Connect-GptTrainer -ApiKey $wrongKey -BaseUri $emulator.Uri -SkipCheck -Verbose -Debug
            try { Connect-GptTrainer -ApiKey $wrongKey -BaseUri $emulator.Uri -Verbose -Debug } catch { $_ }
            Get-GptTrainerChatbot -Verbose -Debug
            Send-GptTrainerMessage -Query 'with the wrong key' -SessionUuid $session.SessionUuid -Verbose -Debug
            Get-GptTrainerModel -Verbose -Debug
            try { Connect-GptTrainer -ApiKey $key -BaseUri 'http://example.org' -Verbose -Debug } catch { $_ }
            try { Connect-GptTrainer -ApiKey '   ' -BaseUri $emulator.Uri -Verbose -Debug } catch { $_ }
            Connect-GptTrainer -ApiKey $key -BaseUri 'http://127.0.0.1:1' -SkipCheck -Verbose -Debug
            Get-GptTrainerChatbot -MaximumRetryCount 0 -Verbose -Debug
            Get-GptTrainerContext | Format-List * -Force | Out-String
        } *>&1

        @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterOrEqual 10
        $all = ConvertTo-EverythingText $everything
        $all | Should -Match 'Invalid API key'
        $all | Should -Match 'idle timeout'
        $all | Should -Match 'cut off'
        $all | Should -Not -Match ([regex]::Escape($key))
        $all | Should -Not -Match ([regex]::Escape($wrongKey))
        $all | Should -Not -Match 'Bearer '
        ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }) -join "`n" | Should -Not -Match ([regex]::Escape($key))
    }

    It 'appears in no stream through a proxy, nor does the proxy credential, on success and failure paths' {
        Add-Type -Path (Join-Path $RepoRoot 'tests/tools/LoopbackListener.cs'), (Join-Path $RepoRoot 'tests/tools/RecordingProxy.cs'), (Join-Path $RepoRoot 'tests/tools/TlsRelay.cs')
        $key = $emulator.ApiKey
        $password = 'proxy-secret-' + [guid]::NewGuid().ToString('N')
        $credential = [pscredential]::new('proxy-user', (ConvertTo-SecureString $password -AsPlainText -Force))
        $wrong = [pscredential]::new('proxy-user', (ConvertTo-SecureString "wrong-$password" -AsPlainText -Force))
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("proxy-user:$password"))
        $proxy = [RecordingProxy]::new('proxy-user', $password)
        $relay = [TlsRelay]::new(([uri]$emulator.Uri).Port)
        try {
            $everything = & {
                Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyCredential $credential -PassThru -Verbose -Debug
                Get-GptTrainerContext -Verbose -Debug
                $bot = New-GptTrainerChatbot -Name 'Proxied secret bot' -Verbose -Debug
                $bot | New-GptTrainerSession -Verbose -Debug
                Send-GptTrainerMessage -Query 'Is the proxy password safe?' -PassThru -Verbose -Debug
                Connect-GptTrainer -ApiKey $key -BaseUri $relay.Uri -Proxy $proxy.Uri -ProxyCredential $credential -SkipCertificateCheck -PassThru -Verbose -Debug
                Send-GptTrainerMessage -Query 'And through the tunnel?' -Raw -Verbose -Debug
                try { Connect-GptTrainer -ApiKey $key -BaseUri $relay.Uri -Proxy $proxy.Uri -ProxyCredential $credential -Verbose -Debug } catch { $_ }
                try { Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyCredential $wrong -Verbose -Debug } catch { $_ }
                try { Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -Proxy "http://proxy-user:$($password)@127.0.0.1:3128" -Verbose -Debug } catch { $_ }
                Connect-GptTrainer -ApiKey $key -BaseUri $emulator.Uri -Proxy $proxy.Uri -SkipCheck -Verbose -Debug
                Get-GptTrainerChatbot -Verbose -Debug
                Get-GptTrainerContext | Format-List * -Force | Out-String
            } *>&1

            @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterOrEqual 4
            $all = ConvertTo-EverythingText $everything
            $all | Should -Match 'through the proxy'
            $all | Should -Match 'ProxyAuthenticationRequired|407'
            foreach ($secret in $key, $password, $basic) {
                $all | Should -Not -Match ([regex]::Escape($secret))
                ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }) -join "`n" | Should -Not -Match ([regex]::Escape($secret))
            }
            $all | Should -Not -Match 'Bearer '
            # The proxy got its own credential, and never the key as one.
            $proxy.HeaderValues('Proxy-Authorization') | Sort-Object -Unique | Should -Be @("Basic $basic", "Basic $([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("proxy-user:wrong-$password")))" | Sort-Object)
        }
        finally {
            $proxy.Dispose()
            $relay.Dispose()
        }
    }

    It 'is held as a SecureString and shown only masked' {
        $context = Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -PassThru
        $context.PSObject.Properties.Value | ForEach-Object { "$_" } | Should -Not -Contain $emulator.ApiKey
        ($context | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        $context.MaskedApiKey | Should -Match '^\*{8}.{4}$'
        (Get-Command Connect-GptTrainer).Parameters.ApiKey.ParameterType | Should -Be ([securestring])
    }
}

Describe '-Debug in a non-interactive session' {
    It 'never prompts (which would fail the command), and still shows the details' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module $env:GT_MANIFEST
Connect-GptTrainer -ApiKey $env:GT_KEY -BaseUri $env:GT_URI -Debug
$bot = New-GptTrainerChatbot -Name 'Debug bot' -Debug
$doc = Join-Path ([IO.Path]::GetTempPath()) "debug-$PID.txt"
Set-Content -Path $doc -Value 'Debugging content.'
$null = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $doc -Debug
$null = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $doc -Debug
$null = $bot | New-GptTrainerSession -Debug
$null = Send-GptTrainerMessage -Query 'debug me' -PassThru -Debug
Get-GptTrainerMessage -Debug | Remove-GptTrainerMessage -Confirm:$false -Debug
$bot | Remove-GptTrainerChatbot -Confirm:$false -Debug
Disconnect-GptTrainer -Debug
Remove-Item $doc
'DONE'
'@
        $env:GT_MANIFEST = $ModuleManifest
        $env:GT_KEY = $emulator.ApiKey
        $env:GT_URI = $emulator.Uri
        try {
            Push-Location $RepoRoot
            $output = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 5>&1 | Out-String
            $exit = $LASTEXITCODE
        }
        finally {
            Pop-Location
            Remove-Item Env:GT_MANIFEST, Env:GT_KEY, Env:GT_URI -ErrorAction SilentlyContinue
        }

        $output | Should -Not -Match 'NonInteractive mode'
        $output | Should -Match 'DONE'
        $output | Should -Match 'already a data source'
        $output | Should -Match 'POST http'
        $output | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        $exit | Should -Be 0
    }
}
