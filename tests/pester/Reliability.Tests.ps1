BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Retries' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
    }

    It 'waits out a 429 with Retry-After: 1, then stores exactly one message' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 429; retryAfter = '1' }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $all = Send-GptTrainerMessage -Query 'ask me once' -Raw -Verbose 4>&1
        $watch.Stop()

        $reply = @($all | Where-Object { $_ -is [string] })
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose | Where-Object { $_ -match 'attempt 1 of 5 got 429 .*Retry-After asked for 1 s; waiting 1\.0 s' } | Should -Not -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1 -Because 'Retry-After must be honoured'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 2
        (Invoke-Emulator $emulator 'stats').messagesStored | Should -Be 1
        $reply[0] | Should -BeExactly (Get-GptTrainerMessage).Response
    }

    It 'honours Retry-After given as an HTTP date' {
        $when = [DateTime]::UtcNow.AddSeconds(2).ToString('R')
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 503; retryAfter = $when }
        $verbose = Get-GptTrainerChatbot -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'got 503 .*Retry-After asked for [0-2](\.\d+)? s'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 2
    }

    It 'backs off exponentially without Retry-After' {
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 503; times = 2 }
        $verbose = @(Get-GptTrainerChatbot -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Where-Object Message -Match 'waiting')
        $verbose.Count | Should -Be 2
        $first = [double]($verbose[0].Message -replace '.*waiting ([\d.]+) s.*', '$1')
        $second = [double]($verbose[1].Message -replace '.*waiting ([\d.]+) s.*', '$1')
        $first | Should -BeGreaterOrEqual 0.5
        $first | Should -BeLessOrEqual 1.0
        $second | Should -BeGreaterOrEqual 1.0
        $second | Should -BeLessOrEqual 2.0
    }

    It 'retries a GET after a 502 or 504, but never a message POST' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 502 }
        $null = Get-GptTrainerChatbot
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 2

        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 504 }
        Send-GptTrainerMessage -Query 'gateway trouble' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http504,*'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 1
    }

    It 'gives up after -MaximumRetryCount retries' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 429; retryAfter = '0'; times = -1 }
        Get-GptTrainerChatbot -MaximumRetryCount 2 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http429,*'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 3
    }

    It 'takes the retry count from Connect-GptTrainer' {
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -MaximumRetryCount 1 -SkipCheck
        (Get-GptTrainerContext).MaximumRetryCount | Should -Be 1
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 503; retryAfter = '0'; times = -1 }
        Get-GptTrainerChatbot -ErrorAction SilentlyContinue
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 2
    }

    It 'reports at once when Retry-After asks for longer than the cap' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 429; retryAfter = '120'; body = '{"error": "slow down"}' }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Get-GptTrainerChatbot -MaximumRetryDelaySec 5 -ErrorVariable err -ErrorAction SilentlyContinue
        $watch.Stop()
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http429,*'
        $err[0].Exception.Message | Should -Match 'asked to wait 120 s.*-MaximumRetryDelaySec limit of 5 s'
        # The error keeps what the service said, as every other refusal does.
        $err[0].Exception.ServerMessage | Should -Be 'slow down'
        $err[0].Exception.ResponseBody | Should -Be '{"error": "slow down"}'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
    }

    It 'retries a GET after the connection drops, but never a message POST' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; dropConnection = $true }
        @(Get-GptTrainerChatbot).Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 2

        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; dropConnection = $true }
        Send-GptTrainerMessage -Query 'dropped' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 1
        (Invoke-Emulator $emulator 'stats').messagesStored | Should -Be 0
    }

    It 'retries a GET whose answer was cut off midway' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; cutAfterBytes = 20 }
        @(Get-GptTrainerChatbot).Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 2
    }

    It 'never retries a reply cut off after some pieces' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @('first ', 'second ', 'third'); pieceDelayMs = 20 }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; cutAfterBytes = 13 }
        $pieces = @(Send-GptTrainerMessage -Query 'cut' -ErrorVariable err -ErrorAction SilentlyContinue)
        (-join $pieces) | Should -BeExactly 'first second '
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ReplyCutOff,*'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 1
    }
}

Describe 'Timeouts' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
    }

    It 'fires the idle timeout when a reply stalls, keeping what arrived' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @('alpha ', 'beta ', 'gamma'); pieceDelayMs = 20 }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; stallAfterBytes = 11; stallMs = 20000 }
        $pieces = @(Send-GptTrainerMessage -Query 'stall' -IdleTimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue)

        (-join $pieces) | Should -BeExactly 'alpha beta '
        $err[0].FullyQualifiedErrorId | Should -BeLike 'IdleTimeout,*'
        $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err[0].Exception.Message | Should -Match 'idle timeout of 1 s'
        $err[0].Exception.Message | Should -Match '-IdleTimeoutSec'
        $err[0].Exception.Message | Should -Match 'after 11 bytes'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 1
    }

    It 'lets a slow but steady reply run far longer than the idle timeout' {
        $scripted = 1..8 | ForEach-Object { "piece $_ " }
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = $scripted; pieceDelayMs = 400 }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $reply = Send-GptTrainerMessage -Query 'slow' -IdleTimeoutSec 1 -Raw
        $watch.Stop()
        $reply | Should -BeExactly (-join $scripted)
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 2 -Because 'the reply took longer than the idle limit in total'
    }

    It 'fires the idle timeout when no headers come, and does not retry' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; stallBeforeHeadersMs = 20000 }
        Get-GptTrainerChatbot -IdleTimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'IdleTimeout,*'
        $err[0].Exception.Message | Should -Match 'no response headers'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
    }

    It 'takes the idle timeout from Connect-GptTrainer' {
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -IdleTimeoutSec 1 -SkipCheck
        (Get-GptTrainerContext).IdleTimeout | Should -Be ([timespan]::FromSeconds(1))
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; stallBeforeHeadersMs = 20000 }
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'IdleTimeout,*'
    }

    It 'fires the connect timeout when no connection can be opened' {
        $hole = New-BlackHoleEndpoint
        try {
            Connect-GptTrainer -ApiKey 'k-1234567890123456' -BaseUri $hole.Uri -SkipCheck
            Get-GptTrainerChatbot -ConnectTimeoutSec 1 -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectTimeout,*'
            $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $err[0].Exception.Message | Should -Match 'connect timeout of 1 s'
            $err[0].Exception.Message | Should -Match '-ConnectTimeoutSec'
        }
        finally {
            & $hole.Disposer
        }
    }
}

Describe 'Ctrl+C in every phase' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-TestSession $emulator $bot.uuid
    }

    It 'returns at once during a back-off wait, and never sends the retry' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 429; retryAfter = '30' }
        $run = Start-ModuleInstance $emulator 'Send-GptTrainerMessage -Query "wait" -SessionUuid $Arguments.Session -Verbose' @{ Session = $session.uuid }
        try {
            Wait-Until { @($run.PowerShell.Streams.Verbose | Where-Object Message -Match 'waiting 30').Count -ge 1 } -Because 'the back-off wait to start'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            $watch.ElapsedMilliseconds | Should -BeLessThan 250
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 1
        }
        finally {
            $run.PowerShell.Dispose()
        }
    }

    It 'returns at once while a connection is being opened' {
        $hole = New-BlackHoleEndpoint
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; Connect-GptTrainer -ApiKey 'k-1234567890123456' -BaseUri '$($hole.Uri)' -SkipCheck; Get-GptTrainerChatbot -ConnectTimeoutSec 60 -Verbose")
            $handle = $ps.BeginInvoke()
            Wait-Until { @($ps.Streams.Verbose | Where-Object Message -Match '^GET ').Count -ge 1 } -Because 'the request to start'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.ElapsedMilliseconds | Should -BeLessThan 250
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
        }
        finally {
            & $hole.Disposer
        }
    }
}

Describe 'Redirects' {
    BeforeAll {
        $other = Start-GptTrainerEmulator
    }

    AfterAll {
        $other | Stop-GptTrainerEmulator
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $null = Invoke-Emulator $other 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'does not send the key to another host after a redirect' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; redirectTo = $other.Uri; redirectStatus = 307 }
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue

        $atOther = @(Get-EmulatorRequest $other -PathLike '/api/v1/chatbots')
        $atOther.Count | Should -Be 1
        $atOther[0].hasAuthorization | Should -BeFalse
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -Match 'Missing Authorization Header'
    }

    It 'keeps the key on a redirect to the same host' {
        $null = New-TestChatbot $emulator -Name 'Same host'
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; redirectTo = $emulator.Uri; redirectStatus = 302 }
        (Get-GptTrainerChatbot).Name | Should -Be 'Same host'
        $requests = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots')
        $requests.Count | Should -Be 2
        $requests[1].authorizationValid | Should -BeTrue
    }
}

Describe 'Concurrency' {
    It 'streams 32 replies at once, each complete, in order and in its own runspace''s session, over the shared pool' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $bot = New-TestChatbot $emulator
        # Each runspace asks about a room of its own, so its reply shows whose question was answered.
        foreach ($n in 1..32) {
            $null = Invoke-Emulator $emulator "chatbot/$($bot.uuid)/data-source/qa" -Api -Method Post -Body @{ question = "What is the password of room $($n)?"; answer = "Room $n has the password swordfish-$n." }
        }
        Complete-GptTrainerEmulatorProcessing $emulator
        # Every reply holds after its first piece until all 32 are open, so they truly overlap.
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ holdAfterPieces = 1; pieceDelayMs = 2 }
        $job = 1..32 | ForEach-Object -ThrottleLimit 32 -AsJob -Parallel {
            Import-Module $using:ModuleManifest
            Connect-GptTrainer -ApiKey ($using:emulator).ApiKey -BaseUri ($using:emulator).Uri -SkipCheck
            $session = New-GptTrainerSession -ChatbotUuid ($using:bot).uuid
            $pieces = @(Send-GptTrainerMessage -Query "What is the password of room $($_)?")
            [pscustomobject]@{
                Number  = $_
                Session = $session.SessionUuid
                Current = (Get-GptTrainerContext).SessionUuid
                Pieces  = $pieces
                Stored  = @(Get-GptTrainerMessage)
            }
        }
        try {
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsHeld -eq 32 } -TimeoutSec 60 -Because '32 replies open at once'
            $null = Invoke-Emulator $emulator 'release' -Method Post
            $results = @($job | Receive-Job -Wait -ErrorAction Stop)
        }
        finally {
            $job | Remove-Job -Force
        }

        $results.Count | Should -Be 32
        @($results.Session | Sort-Object -Unique).Count | Should -Be 32
        foreach ($r in $results) {
            $r.Current | Should -Be $r.Session
            $r.Stored.Count | Should -Be 1
            $r.Pieces.Count | Should -BeGreaterThan 1
            (-join $r.Pieces) | Should -BeExactly $r.Stored[0].Response
            $r.Stored[0].Response | Should -BeExactly "Room $($r.Number) has the password swordfish-$($r.Number)."
        }

        (Invoke-Emulator $emulator 'stats').messagesStored | Should -Be 32
        # 32 simultaneous replies need 32 connections; every other call of the 32 runspaces reuses them.
        # (Counted from the module's own requests: the test's polling opens connections of its own.)
        $moduleRequests = @(Get-EmulatorRequest $emulator | Where-Object userAgent -Like 'GptTrainer-PowerShell/*')
        $moduleRequests.Count | Should -Be (32 * 3)
        @($moduleRequests.connectionId | Sort-Object -Unique).Count | Should -BeLessOrEqual 32
    }
}
