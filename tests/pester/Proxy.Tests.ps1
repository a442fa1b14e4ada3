# Issue 19: corporate networks connect. Every request goes through the proxy Connect-GptTrainer is given,
# watched by a loopback proxy that writes down what passes through it (tests/tools/RecordingProxy.cs); an
# https host whose certificate nobody trusts is a TLS relay in front of the emulator (tests/tools/TlsRelay.cs).
# The emulator's control API is always called directly, never through the proxy.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Add-Type -Path (Join-Path $RepoRoot 'tests/tools/LoopbackListener.cs'), (Join-Path $RepoRoot 'tests/tools/RecordingProxy.cs'), (Join-Path $RepoRoot 'tests/tools/TlsRelay.cs')
    $emulator = Start-GptTrainerEmulator
    $emulatorPort = ([uri]$emulator.Uri).Port
    $proxyUser = 'proxy-user'
    $proxyPassword = 'proxy-password-27182818'
    $proxyCredential = [pscredential]::new($proxyUser, (ConvertTo-SecureString $proxyPassword -AsPlainText -Force))
    $proxyAnswer = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($proxyUser):$proxyPassword"))

    # A chatbot, a session and a streamed reply: the JSON calls and the streamed one a user makes.
    function Invoke-Conversation {
        $bot = New-GptTrainerChatbot -Name 'Proxied bot' -ErrorAction Stop
        $null = $bot | New-GptTrainerSession -ErrorAction Stop
        $reply = Send-GptTrainerMessage -Query 'Does this pass the proxy?' -Raw -ErrorAction Stop
        $reply | Should -Not -BeNullOrEmpty
        @(Get-GptTrainerChatbot -ErrorAction Stop).Name | Should -Be @('Proxied bot')
    }

    function Assert-EveryRequestCarriedTheKey([int] $Count) {
        $requests = @(Get-EmulatorRequest $emulator)
        $requests.Count | Should -Be $Count
        $requests.authorizationValid | Should -Not -Contain $false
    }

    function Invoke-ChildPwsh {
        <#
        Runs a script in a new pwsh whose environment is exactly this one's with the changes given: .NET reads
        the proxy variables once, at the first request of a process, so only a new process sees them.
        #>
        param([string] $Script, [hashtable] $Set = @{}, [string[]] $Remove = @())
        $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $Script) { $info.ArgumentList.Add($argument) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $info.WorkingDirectory = $RepoRoot
        foreach ($name in $Remove) { $null = $info.Environment.Remove($name) }
        foreach ($entry in $Set.GetEnumerator()) { $info.Environment[$entry.Key] = $entry.Value }
        $process = [System.Diagnostics.Process]::Start($info)
        $errors = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ Output = $output; Errors = $errors.Result; ExitCode = $process.ExitCode }
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Connect-GptTrainer -Proxy' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Disconnect-GptTrainer
        $proxy = $null
        $httpsHost = $null
    }

    AfterEach {
        if ($proxy) { $proxy.Dispose() }
        if ($httpsHost) { $httpsHost.Dispose() }
    }

    It 'sends every request, JSON calls and streamed replies, through the proxy, with the key for the service alone' {
        $proxy = [RecordingProxy]::new()

        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri
        Invoke-Conversation

        $origin = $emulator.Uri
        $sent = @($proxy.RequestLines | ForEach-Object { $method, $target, $null = $_ -split ' '; "$method $target" })
        $sent[0] | Should -Be "GET $origin/api/v1/chatbots"
        $sent[1] | Should -Be "POST $origin/api/v1/chatbot/create"
        $sent[2] | Should -Match "^POST $([regex]::Escape($origin))/api/v1/chatbot/[0-9a-f]{32}/session/create$"
        $sent[3] | Should -Match "^POST $([regex]::Escape($origin))/api/v1/session/[0-9a-f]{32}/message/stream$"
        $sent[4] | Should -Be "GET $origin/api/v1/chatbots"
        $sent.Count | Should -Be 5
        $proxy.HeaderValues('Proxy-Authorization') | Should -BeNullOrEmpty
        Assert-EveryRequestCarriedTheKey 5
    }

    It 'answers a proxy that asks with -ProxyCredential, and never with the key' {
        $proxy = [RecordingProxy]::new($proxyUser, $proxyPassword)

        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyCredential $proxyCredential
        Invoke-Conversation

        $answers = @($proxy.HeaderValues('Proxy-Authorization'))
        $answers.Count | Should -BeGreaterOrEqual 5
        $answers | Sort-Object -Unique | Should -Be $proxyAnswer
        Assert-EveryRequestCarriedTheKey 5
    }

    It 'goes through the proxy with -ProxyUseDefaultCredentials, and never offers the key to a proxy that asks' {
        # This machine has no domain: the user's default credentials are empty, so a proxy that wants Basic gets
        # no answer from them. What can be shown here: the proxy is used, the context says how it is answered,
        # and what the handler sends to a proxy that asks is never the API key. Kerberos or NTLM needs a domain.
        $proxy = [RecordingProxy]::new()
        $context = Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyUseDefaultCredentials -PassThru
        $context.ProxyAuthentication | Should -Be 'DefaultCredentials'
        Invoke-Conversation
        @($proxy.RequestLines).Count | Should -Be 5
        Assert-EveryRequestCarriedTheKey 5
        $proxy.Dispose()

        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $proxy = [RecordingProxy]::new($proxyUser, $proxyPassword)
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyUseDefaultCredentials -SkipCheck
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ProxyAuthenticationRequired,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        # Over plain http a proxy sees the request itself, Authorization included; what matters is that no
        # answer to the proxy's own question (Proxy-Authorization) is the key.
        @($proxy.RequestLines).Count | Should -Be 1
        @($proxy.HeaderValues('Proxy-Authorization') | Where-Object { $_ -match [regex]::Escape($emulator.ApiKey) }) | Should -BeNullOrEmpty
        Assert-EveryRequestCarriedTheKey 0
    }

    It 'reports a proxy that asks and is not answered as ProxyAuthenticationRequired, without retrying' {
        $proxy = [RecordingProxy]::new($proxyUser, $proxyPassword)
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri -SkipCheck

        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'ProxyAuthenticationRequired,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($proxy.Uri))
        $err[0].Exception.Message | Should -Match '-ProxyCredential'
        @($proxy.RequestLines).Count | Should -Be 1
        { Get-GptTrainerChatbot -ErrorAction Stop } | Should -Throw -ErrorId 'ProxyAuthenticationRequired,*'
        Assert-EveryRequestCarriedTheKey 0
    }

    It 'fails Connect-GptTrainer itself when the proxy refuses the credential, keeping the connection before' {
        $proxy = [RecordingProxy]::new($proxyUser, $proxyPassword)
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -SkipCheck
        $wrong = [pscredential]::new($proxyUser, (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))

        $thrown = { Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyCredential $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProxyAuthenticationRequired,GptTrainer.Commands.ConnectGptTrainerCommand' -PassThru
        $thrown.ErrorDetails.Message | Should -Match 'could not check the key: The proxy .* did not accept the proxy credential'

        (Get-GptTrainerContext).Proxy | Should -BeNullOrEmpty
    }

    It 'tunnels to an https host: the proxy sees CONNECT and its own credential, never the key' {
        $proxy = [RecordingProxy]::new($proxyUser, $proxyPassword)
        $httpsHost = [TlsRelay]::new($emulatorPort)

        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $httpsHost.Uri -Proxy $proxy.Uri -ProxyCredential $proxyCredential -SkipCertificateCheck -WarningAction SilentlyContinue
        Invoke-Conversation

        $proxy.RequestLines | Sort-Object -Unique | Should -Be "CONNECT 127.0.0.1:$($httpsHost.Uri.Port) HTTP/1.1"
        $proxy.HeaderValues('Authorization') | Should -BeNullOrEmpty
        ($proxy.Received -join "`n") | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        $proxy.HeaderValues('Proxy-Authorization') | Should -Contain $proxyAnswer
        Assert-EveryRequestCarriedTheKey 5
    }

    It 'bounds reaching the proxy by -ConnectTimeoutSec, for a tunnel to an https host too (<Scheme>)' -ForEach @(
        @{ Scheme = 'http' }
        @{ Scheme = 'https' }
    ) {
        $hole = New-BlackHoleEndpoint
        try {
            Connect-GptTrainer -ApiKey 'k-1234567890123456' -BaseUri "$($Scheme)://127.0.0.1:9" -Proxy $hole.Uri -SkipCheck
            Get-GptTrainerChatbot -ConnectTimeoutSec 1 -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectTimeout,*'
            $err[0].Exception.Message | Should -Match 'connect timeout of 1 s'
            $err[0].Exception.Message | Should -Match ([regex]::Escape(([uri]$hole.Uri).Authority))
        }
        finally {
            & $hole.Disposer
        }
    }

    It 'names the proxy when it cannot be reached' {
        $nowhere = "http://127.0.0.1:$(Get-FreeLoopbackPort)/"
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $nowhere -SkipCheck

        Get-GptTrainerChatbot -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectionFailed,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        $err[0].Exception.Message | Should -Match "that the proxy $([regex]::Escape($nowhere)) is right \(Connect-GptTrainer -Proxy\)"
    }

    It 'shows the proxy in Get-GptTrainerContext, and how it is answered, never with what' {
        $proxy = [RecordingProxy]::new($proxyUser, $proxyPassword)

        $context = Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -Proxy $proxy.Uri -ProxyCredential $proxyCredential -PassThru

        $context.Proxy | Should -Be $proxy.Uri
        $context.ProxySource | Should -Be 'Connect-GptTrainer -Proxy'
        $context.ProxyAuthentication | Should -Be 'ProxyCredential'
        $context.SkipCertificateCheck | Should -BeFalse
        $shown = (Get-GptTrainerContext | Format-List * -Force | Out-String) + (Get-GptTrainerContext | Out-String) + (Get-GptTrainerContext | ConvertTo-Json)
        $shown | Should -Match ([regex]::Escape($proxy.Uri))
        $shown | Should -Not -Match ([regex]::Escape($proxyPassword))
        $shown | Should -Not -Match ([regex]::Escape($proxyAnswer.Substring(6)))
    }

    It 'rejects <Case> before any request' -ForEach @(
        @{ Case = 'a proxy that is not absolute'; Arguments = @{ Proxy = 'proxy' }; Id = 'InvalidProxy' }
        @{ Case = 'a host and port without a scheme'; Arguments = @{ Proxy = 'proxy.example.org:3128' }; Id = 'InvalidProxy' }
        @{ Case = 'a socks proxy'; Arguments = @{ Proxy = 'socks5://127.0.0.1:1080' }; Id = 'InvalidProxy' }
        @{ Case = 'a password in the proxy address'; Arguments = @{ Proxy = 'http://user:in-the-address-secret@127.0.0.1:3128' }; Id = 'InvalidProxy' }
        @{ Case = '-ProxyCredential without -Proxy'; Arguments = @{ ProxyCredential = 'credential' }; Id = 'ProxyCredentialWithoutProxy' }
        @{ Case = '-ProxyUseDefaultCredentials without -Proxy'; Arguments = @{ ProxyUseDefaultCredentials = $true }; Id = 'ProxyCredentialWithoutProxy' }
        @{ Case = 'both ways of answering the proxy'; Arguments = @{ Proxy = 'proxy-uri'; ProxyCredential = 'credential'; ProxyUseDefaultCredentials = $true }; Id = 'ConflictingProxyCredentials' }
        @{ Case = '-NoProxy with -Proxy'; Arguments = @{ Proxy = 'proxy-uri'; NoProxy = $true }; Id = 'AmbiguousParameterSet' }
    ) {
        $proxy = [RecordingProxy]::new()
        # The cases name what exists only now by a word.
        $standIns = @{ credential = $proxyCredential; 'proxy-uri' = $proxy.Uri }
        $parameters = @{}
        foreach ($entry in $Arguments.GetEnumerator()) {
            $parameters[$entry.Key] = if ($entry.Value -is [string] -and $standIns.ContainsKey($entry.Value)) { $standIns[$entry.Value] } else { $entry.Value }
        }

        $err = $null
        try { Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri @parameters -ErrorAction Stop } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -Be "$Id,GptTrainer.Commands.ConnectGptTrainerCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        ($err | Format-List * -Force | Out-String) + $err.Exception.Message | Should -Not -Match 'in-the-address-secret'
        @($proxy.RequestLines).Count | Should -Be 0
        Assert-EveryRequestCarriedTheKey 0
    }

    It 'goes past a proxy of the environment with -NoProxy, and through it without' {
        $proxy = [RecordingProxy]::new()
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module $env:GT_MANIFEST
Connect-GptTrainer -ApiKey $env:GT_KEY -BaseUri $env:GT_URI -NoProxy
$null = Get-GptTrainerChatbot
$context = Get-GptTrainerContext
"DIRECT=$($context.Proxy)|$($context.ProxySource)"
Connect-GptTrainer -ApiKey $env:GT_KEY -BaseUri $env:GT_URI -SkipCheck
$null = Get-GptTrainerChatbot
$context = Get-GptTrainerContext
"SYSTEM=$($context.Proxy)|$($context.ProxySource)"
'@
        # Whatever proxy settings this machine has, the child has only the recording proxy.
        $proxyVariables = 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY' | ForEach-Object { $_; $_.ToLowerInvariant() }
        $run = Invoke-ChildPwsh $script -Remove $proxyVariables -Set @{
            HTTP_PROXY = $proxy.Uri.ToString(); GT_MANIFEST = $ModuleManifest; GT_KEY = $emulator.ApiKey; GT_URI = $emulator.Uri
        }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Match 'DIRECT=\|Connect-GptTrainer -NoProxy'
        $run.Output | Should -Match "SYSTEM=$([regex]::Escape($proxy.Uri))\|System proxy settings"
        # Two lists of chatbots and the key check of the first Connect-GptTrainer: only the last list passed the proxy.
        $proxy.RequestLines | Should -Be @("GET $($emulator.Uri)/api/v1/chatbots HTTP/1.1")
        Assert-EveryRequestCarriedTheKey 3
    }
}

Describe 'Connect-GptTrainer -SkipCertificateCheck' {
    BeforeAll {
        $relay = [TlsRelay]::new($emulatorPort)
    }

    AfterAll {
        $relay.Dispose()
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Disconnect-GptTrainer
    }

    It 'refuses a host whose certificate this machine does not trust as CertificateRejected, before the key is sent' {
        $thrown = { Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $relay.Uri -ErrorAction Stop } |
            Should -Throw -ErrorId 'CertificateRejected,GptTrainer.Commands.ConnectGptTrainerCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'SecurityError'
        $thrown.Exception.Message | Should -Match ([regex]::Escape($relay.Uri.GetLeftPart('Authority')))
        $thrown.Exception.Message | Should -Match '-SkipCertificateCheck'

        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $relay.Uri -SkipCheck
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'CertificateRejected,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        Assert-EveryRequestCarriedTheKey 0
    }

    It 'reaches it with -SkipCertificateCheck, after a warning at connect' {
        $context = Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $relay.Uri -SkipCertificateCheck -PassThru -WarningVariable warned -WarningAction SilentlyContinue

        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Match 'SkipCertificateCheck: the certificate of https://127\.0\.0\.1:\d+ is not checked'
        $context.SkipCertificateCheck | Should -BeTrue
        Invoke-Conversation
        Assert-EveryRequestCarriedTheKey 5
    }
}
