# The shipped GptTrainer.Emulator module as its users call it: starting and attaching, connecting, each
# fault kind as the emulator then behaves over HTTP, the request log, and the errors of a wrong call.
# Its commands are called module-qualified where tests/tools has a helper of the same name.
BeforeDiscovery {
    $exported = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../src/GptTrainer.Emulator.PowerShell/GptTrainer.Emulator.psd1')).FunctionsToExport
    $examples = Get-ChildItem (Join-Path $PSScriptRoot '../../docs/examples') -File | ForEach-Object Name
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $work = New-TestDirectory
    $dll = Join-Path $RepoRoot 'src/GptTrainer.Emulator/bin/Release/net10.0/GptTrainer.Emulator.dll'
    $emulator = GptTrainer.Emulator\Start-GptTrainerEmulator -Path $dll -PieceDelayMs 0 -ProcessingMs 0 -ApiKey 'key-made-up-for-this-file'
    $keyHeader = @{ Authorization = "Bearer $($emulator.ApiKey)" }

    function Invoke-Raw {
        <# One API request as a bare client sends it: the status, headers and body the emulator answered. #>
        param([string] $Path, [string] $Method = 'Get')
        Invoke-WebRequest -Uri "$($emulator.Uri)$Path" -Method $Method -Headers $keyHeader -SkipHttpErrorCheck -TimeoutSec 30
    }

    function Get-ThrownError([scriptblock] $Script) {
        try { & $Script } catch { return $_ }
        throw 'Expected an error, and none came.'
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'GptTrainer.Emulator, the module' {
    It 'documents, as Get-Help shows them, the defaults the emulator itself has for <Parameter>' -ForEach @(
        @{ Parameter = 'PieceDelayMs'; Option = 'piece-delay-ms' }
        @{ Parameter = 'ProcessingMs'; Option = 'processing-ms' }
        @{ Parameter = 'TokenBudget'; Option = 'token-budget' }
    ) {
        $help = (& dotnet $dll --help) -join "`n"
        $own = [regex]::Match($help, "--$Option <[^>]+>\n.*\n.*Default: (\d+)\.").Groups[1].Value
        $own | Should -Not -BeNullOrEmpty
        (Get-Help GptTrainer.Emulator\Start-GptTrainerEmulator -Parameter $Parameter).defaultValue | Should -Be $own
        (Get-Help GptTrainer.Emulator\Start-GptTrainerEmulator -Parameter $Parameter).description.Text | Should -Match "Default:\s+the\s+emulator's,\s+$own\b"
    }

    BeforeAll {
        $commands = @((Get-Module GptTrainer.Emulator).ExportedCommands.Values)
        $manifest = Import-PowerShellDataFile (Join-Path (Get-Module GptTrainer.Emulator).ModuleBase 'GptTrainer.Emulator.psd1')
    }

    It 'exports what its manifest lists, with approved verbs' {
        $commands.Name | Sort-Object | Should -Be ($manifest.FunctionsToExport | Sort-Object)
        $approved = (Get-Verb).Verb
        foreach ($command in $commands) { $command.Verb | Should -BeIn $approved -Because $command.Name }
    }

    It 'ships with GptTrainer''s version, and requires at least that GptTrainer' {
        $manifest.ModuleVersion | Should -Be (Get-Module GptTrainer).Version.ToString()
        $manifest.RequiredModules | Should -HaveCount 1
        $manifest.RequiredModules[0].ModuleName | Should -Be 'GptTrainer'
        $manifest.RequiredModules[0].ModuleVersion | Should -Be $manifest.ModuleVersion
    }

    It 'documents <_>: a synopsis, every parameter it declares, and an example' -ForEach $exported {
        $help = Get-Help "GptTrainer.Emulator\$_" -Full
        $help.Synopsis | Should -Not -BeLike "$_*" -Because 'a missing synopsis is replaced by the syntax'
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        # Connect-GptTrainerEmulator's other parameters are Connect-GptTrainer's, documented there.
        $declared = (Get-Command "GptTrainer.Emulator\$_").ScriptBlock.Ast.Body.ParamBlock.Parameters.Name.VariablePath.UserPath
        foreach ($name in $declared) {
            ($help.Parameters.Parameter | Where-Object Name -EQ $name).Description.Text | Should -Not -BeNullOrEmpty -Because "-$name of $_ needs a description"
        }
    }

    It 'offers -WhatIf and -Confirm on every command that changes an emulator' {
        foreach ($command in $commands | Where-Object { $_.Verb -notin 'Get', 'Connect' }) {
            $command.Parameters.Keys | Should -Contain 'WhatIf' -Because $command.Name
            $command.Parameters.Keys | Should -Contain 'Confirm' -Because $command.Name
        }
    }
}

Describe 'Start-GptTrainerEmulator' {
    It 'starts the emulator it is given on a free loopback port, with the given key, which never shows' {
        $emulator.Uri | Should -Match '^http://127\.0\.0\.1:\d+$'
        $emulator.ApiKey | Should -Be 'key-made-up-for-this-file'
        $emulator.Process.HasExited | Should -BeFalse
        (Invoke-Raw '/api/v1/chatbots').StatusCode | Should -Be 200
        ($emulator | Format-Table | Out-String) | Should -Not -Match 'key-made-up'
        if ($IsLinux) {
            # The key travels in the environment, not on a command line every user of the machine can read.
            $commandLine = (Get-Content -Raw "/proc/$($emulator.Process.Id)/cmdline") -replace "`0", ' '
            $commandLine | Should -Match '--parent-pid'
            $commandLine | Should -Not -Match 'key-made-up'
        }
    }

    It 'reads a relative -Seed from PowerShell''s current location, and Stop-GptTrainerEmulator ends it' {
        Copy-Item (Join-Path $RepoRoot 'docs/examples/support-seed.json') (Join-Path $work 'my-seed.json')
        Push-Location $work
        try { $seeded = GptTrainer.Emulator\Start-GptTrainerEmulator -Path $dll -Seed 'my-seed.json' }
        finally { Pop-Location }
        try {
            @(Invoke-Emulator $seeded 'chatbots' -Api).name | Should -Be @('Acme support')
            $seeded | Stop-GptTrainerEmulator -WhatIf
            $seeded.Process.HasExited | Should -BeFalse
        }
        finally {
            $seeded | Stop-GptTrainerEmulator
        }
        $seeded.Process.HasExited | Should -BeTrue
        $err = Get-ThrownError { $seeded | Reset-GptTrainerEmulator }
        $err.FullyQualifiedErrorId | Should -Be 'EmulatorControlFailed,Reset-GptTrainerEmulator'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'reports an emulator it cannot find, by -Path or on PATH' {
        $err = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator -Path (Join-Path $work 'nowhere.dll') }
        $err.FullyQualifiedErrorId | Should -Be 'EmulatorNotFound,Start-GptTrainerEmulator'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be (Join-Path $work 'nowhere.dll')

        $path = $env:PATH
        $env:PATH = $work
        try { $err = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator } }
        finally { $env:PATH = $path }
        $err.FullyQualifiedErrorId | Should -Be 'EmulatorNotFound,Start-GptTrainerEmulator'
        $err.TargetObject | Should -Be 'gpttrainer-emulator'
        $err.Exception.Message | Should -Match 'dotnet tool install --global gpttrainer-emulator'
        # The tool's package is laid beside the modules' in the build's out folder, never in their repository.
        $err.Exception.Message | Should -Match 'gpttrainer-emulator\.<version>\.nupkg \(the out folder of a GptTrainer build'
    }

    It 'reports a seed the emulator refuses with the emulator''s own reason' {
        $bad = Join-Path $work 'bad-seed.json'
        Set-Content -Path $bad -Value '{"chatbots": [{"name": ""}]}'

        $err = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator -Path $dll -Seed $bad }

        $err.FullyQualifiedErrorId | Should -Be 'EmulatorStartFailed,Start-GptTrainerEmulator'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be $bad
        $err.Exception.Message | Should -BeLike "The emulator exited with code 2 before it was ready: seed file $bad`: chatbots[[]0]: 'name' must be a non-empty string"
    }

    It 'gives up on an emulator that never gets ready after -TimeoutSec, and leaves no process behind' -Skip:$IsWindows {
        $pidFile = Join-Path $work 'silent.pid'
        $silent = Join-Path $work 'silent-emulator'
        Set-Content -Path $silent -Value "#!/bin/sh`necho `$`$ > '$pidFile'`nexec sleep 60"
        & chmod +x $silent
        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()

        $err = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator -Path $silent -TimeoutSec 1 }

        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.FullyQualifiedErrorId | Should -Be 'EmulatorStartTimeout,Start-GptTrainerEmulator'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $silentPid = (Get-Content $pidFile).Trim()
        Wait-Until { -not (Test-Path "/proc/$silentPid") -or (Get-Content "/proc/$silentPid/stat" -ErrorAction Ignore) -match '^\S+ \S+ Z' } -Because 'the silent process to be ended'
    }

    It 'attaches to a running emulator (from an object''s Uri and ApiKey), resets it to its start, and leaves it running when stopped' {
        $null = Invoke-Emulator $emulator 'chatbot/create' -Api -Method Post -Body @{ name = 'Left over' }

        $attached = [pscustomobject]@{ Uri = "$($emulator.Uri)/"; ApiKey = $emulator.ApiKey } | GptTrainer.Emulator\Start-GptTrainerEmulator
        $attached | Stop-GptTrainerEmulator

        $attached.Uri | Should -Be $emulator.Uri
        $attached.Process | Should -BeNullOrEmpty
        @(Invoke-Emulator $emulator 'chatbots' -Api).Count | Should -Be 0
        $emulator.Process.HasExited | Should -BeFalse
    }

    It 'refuses to attach with a wrong key, to an address nothing answers on (after -TimeoutSec), and to a -Uri that is not http' {
        $wrongKey = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator -Uri $emulator.Uri -ApiKey 'not-the-key' }
        $unreachable = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator -Uri "http://127.0.0.1:$(Get-FreeLoopbackPort)" -ApiKey 'x' -TimeoutSec 1 }
        $notHttp = Get-ThrownError { GptTrainer.Emulator\Start-GptTrainerEmulator -Uri 'gpttrainer-emulator:8080' -ApiKey 'x' }

        $wrongKey.FullyQualifiedErrorId | Should -Be 'EmulatorKeyRejected,Start-GptTrainerEmulator'
        $wrongKey.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $wrongKey.Exception.Message | Should -Not -Match 'not-the-key'
        $unreachable.FullyQualifiedErrorId | Should -Be 'EmulatorUnreachable,Start-GptTrainerEmulator'
        $unreachable.CategoryInfo.Category | Should -Be 'ConnectionError'
        $notHttp.FullyQualifiedErrorId | Should -Be 'InvalidEmulatorUri,Start-GptTrainerEmulator'
        $notHttp.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $notHttp.TargetObject | Should -Be ([uri]'gpttrainer-emulator:8080')
    }
}

Describe 'Connect-GptTrainerEmulator' {
    BeforeEach {
        $emulator | Reset-GptTrainerEmulator
    }

    It 'connects GptTrainer with the emulator''s address and key, passing Connect-GptTrainer''s own parameters on' {
        $context = $emulator | Connect-GptTrainerEmulator -IdleTimeoutSec 7 -MaximumRetryCount 2 -PassThru

        $context.BaseUri | Should -Be "$($emulator.Uri)/"
        $context.IdleTimeout | Should -Be ([timespan]::FromSeconds(7))
        $context.MaximumRetryCount | Should -Be 2
        # Connect-GptTrainer checked the key with one request, as it does against the service.
        @(Get-GptTrainerEmulatorRequest $emulator -Path '/api/v1/chatbots').authorizationValid | Should -Be @($true)
    }

    It 'connects to a CI service container by host name over plain http, which Connect-GptTrainer alone refuses' {
        $container = [pscustomobject]@{ PSTypeName = 'GptTrainer.Emulator'; Uri = 'http://gpttrainer-emulator.invalid:8080'; ApiKey = 'made-up'; Process = $null }
        { Connect-GptTrainer -ApiKey $container.ApiKey -BaseUri $container.Uri -SkipCheck -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidBaseUri,*'

        $container | Connect-GptTrainerEmulator -SkipCheck

        (Get-GptTrainerContext).BaseUri | Should -Be 'http://gpttrainer-emulator.invalid:8080/'
    }
}

Describe 'Add-GptTrainerEmulatorFault' {
    BeforeEach {
        $emulator | Reset-GptTrainerEmulator
        $emulator | Connect-GptTrainerEmulator -FirstRetryDelayMs 10 -SkipCheck
    }

    It 'answers matching requests with the status, Retry-After and body it is given, once' {
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 503 -RetryAfterSec 7 -Body @{ error = 'busy' } -Method GET -Path '/api/v1/chat*s'

        $otherMethod = Invoke-Raw '/api/v1/chatbots' -Method Post
        $faulted = Invoke-Raw '/api/v1/chatbots'
        $next = Invoke-Raw '/api/v1/chatbots'

        $otherMethod.StatusCode | Should -Be 405 -Because "the rule is for GET only, and POST is the wrong method there"
        $faulted.StatusCode | Should -Be 503
        "$($faulted.Headers['Retry-After'])" | Should -Be '7'
        $faulted.Content | Should -Be '{"error":"busy"}'
        $next.StatusCode | Should -Be 200
    }

    It 'faults as many requests as -Count says, or every one with -Always until cleared' {
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Count 2 -Path '*/chatbots'
        @(1..3 | ForEach-Object { (Invoke-Raw '/api/v1/chatbots').StatusCode }) | Should -Be @(500, 500, 200)

        $emulator | Add-GptTrainerEmulatorFault -StatusCode 502 -Always -Path '*/chatbots'
        @(1..3 | ForEach-Object { (Invoke-Raw '/api/v1/chatbots').StatusCode }) | Should -Be @(502, 502, 502)
        $emulator | Clear-GptTrainerEmulatorFault
        (Invoke-Raw '/api/v1/chatbots').StatusCode | Should -Be 200

        $err = Get-ThrownError { $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Count 2 -Always }
        $err.FullyQualifiedErrorId | Should -Be 'ConflictingParameters,Add-GptTrainerEmulatorFault'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'stalls before answering for -StallSec' {
        $emulator | Add-GptTrainerEmulatorFault -StallSec 0.25 -Path '*/chatbots'
        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()

        (Invoke-Raw '/api/v1/chatbots').StatusCode | Should -Be 200

        $stopwatch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.25
    }

    It 'stalls midway through a reply with -AfterBytes: the bytes before it arrive at once, the rest after the stall' {
        $session = New-GptTrainerChatbot -Name 'Stalling' | New-GptTrainerSession
        $emulator | Add-GptTrainerEmulatorFault -StallSec 0.5 -AfterBytes 12 -Path '*/message/stream'
        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()

        $arrivals = @($session | Send-GptTrainerMessage -Query 'Anything?' | ForEach-Object { [pscustomobject]@{ Text = $_; At = $stopwatch.Elapsed.TotalSeconds } })

        # Pieces follow one another at once but for one pause: the stall, after at most 12 bytes.
        $gaps = @(for ($i = 1; $i -lt $arrivals.Count; $i++) { $arrivals[$i].At - $arrivals[$i - 1].At })
        $stall = [array]::IndexOf($gaps, ($gaps | Measure-Object -Maximum).Maximum) + 1
        $gaps[$stall - 1] | Should -BeGreaterOrEqual 0.3
        (-join $arrivals[0..($stall - 1)].Text).Length | Should -BeLessOrEqual 12
        (-join $arrivals.Text) | Should -Be "I don't have information about that in my knowledge base."
    }

    It 'cuts a reply after exactly -CutAfterBytes bytes, even with no pause between pieces' {
        $session = New-GptTrainerChatbot -Name 'Cutting' | New-GptTrainerSession
        $whole = $session | Send-GptTrainerMessage -Query 'Anything?' -Raw
        $emulator | Add-GptTrainerEmulatorFault -CutAfterBytes 17 -Path '*/message/stream'

        $pieces = @($session | Send-GptTrainerMessage -Query 'Anything?' -ErrorVariable err -ErrorAction SilentlyContinue)

        (-join $pieces) | Should -BeExactly $whole.Substring(0, 17)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ReplyCutOff,*'
    }

    It 'drops the connection of a matching request, which GptTrainer retries for a read' {
        $emulator | Add-GptTrainerEmulatorFault -DropConnection -Method GET -Path '*/chatbots'

        @(Get-GptTrainerChatbot).Count | Should -Be 0

        @(Get-GptTrainerEmulatorRequest $emulator -Path '*/chatbots').Count | Should -Be 2
    }
}

Describe 'Steering and observing an emulator' {
    BeforeEach {
        $emulator | Reset-GptTrainerEmulator
        $emulator | Connect-GptTrainerEmulator -SkipCheck
    }

    It 'lists the requests it received, oldest first, narrowed by path and method' {
        $bot = New-GptTrainerChatbot -Name 'Logged'
        $null = Get-GptTrainerChatbot
        $null = $bot | New-GptTrainerSession

        @(Get-GptTrainerEmulatorRequest $emulator).path | Should -Be @('/api/v1/chatbot/create', '/api/v1/chatbots', "/api/v1/chatbot/$($bot.ChatbotUuid)/session/create")
        @(Get-GptTrainerEmulatorRequest $emulator -Method POST).Count | Should -Be 2
        @(Get-GptTrainerEmulatorRequest $emulator '*/session/*').method | Should -Be @('POST')
        (Get-GptTrainerEmulatorRequest $emulator)[0].PSObject.TypeNames[0] | Should -Be 'GptTrainer.EmulatorRequest'
    }

    It 'resets to its start: no chatbots, no faults, no requests' {
        $null = New-GptTrainerChatbot -Name 'Gone after reset'
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Always

        $emulator | Reset-GptTrainerEmulator

        @(Get-GptTrainerChatbot).Count | Should -Be 0
        @(Get-GptTrainerEmulatorRequest $emulator).path | Should -Be @('/api/v1/chatbots')
    }

    It 'ends the processing of every data source at once' {
        $null = Invoke-GptTrainerEmulatorControl $emulator 'processing' -Method Post -Body @{ processingMs = 600000 }
        $bot = New-GptTrainerChatbot -Name 'Processing'
        $source = $bot | New-GptTrainerDataSource -Question 'Opening hours?' -Answer 'Nine to five.'
        (Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid).Status | Should -Not -Be 'success'

        $emulator | Complete-GptTrainerEmulatorProcessing

        (Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -DataSourceUuid $source.DataSourceUuid).Status | Should -Be 'success'
    }

    It 'reports what the control API refuses with the emulator''s own reason' {
        $err = Get-ThrownError { Invoke-GptTrainerEmulatorControl $emulator 'processing' -Method Post -Body @{ processingMs = -1 } }

        $err.FullyQualifiedErrorId | Should -Be 'EmulatorControlFailed,Invoke-GptTrainerEmulatorControl'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'processing'
        $err.Exception.Message | Should -Be "The emulator at $($emulator.Uri) did not do POST /_emulator/processing: processingMs must be a whole number of milliseconds, 0 or more"
    }

    It 'changes nothing under -WhatIf' {
        $null = New-GptTrainerChatbot -Name 'Kept'
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Method DELETE
        $before = @(Get-GptTrainerEmulatorRequest $emulator).Count

        $emulator | Reset-GptTrainerEmulator -WhatIf
        $emulator | Clear-GptTrainerEmulatorFault -WhatIf
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Method GET -WhatIf
        $emulator | Complete-GptTrainerEmulatorProcessing -WhatIf
        Invoke-GptTrainerEmulatorControl $emulator 'shutdown' -Method Post -WhatIf
        $started = GptTrainer.Emulator\Start-GptTrainerEmulator -Path $dll -WhatIf

        $started | Should -BeNullOrEmpty
        @(Get-GptTrainerChatbot).Name | Should -Be @('Kept')
        (Invoke-Raw '/api/v1/chatbot/x/delete' -Method Delete).StatusCode | Should -Be 500
        @(Get-GptTrainerEmulatorRequest $emulator).Count | Should -Be ($before + 2)
    }
}

Describe 'docs/testing-with-the-emulator.md' {
    It 'quotes <_> from docs/examples in full, so that what it shows is what the Test task runs' -ForEach $examples {
        $page = (Get-Content -Raw (Join-Path $RepoRoot 'docs/testing-with-the-emulator.md')) -replace '\r\n', "`n"
        $file = (Get-Content -Raw (Join-Path $RepoRoot "docs/examples/$_")) -replace '\r\n', "`n"
        $page.Contains($file.Trim()) | Should -BeTrue -Because "docs/examples/$_ is the tested copy"
    }
}
