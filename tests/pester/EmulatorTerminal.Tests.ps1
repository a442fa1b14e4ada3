# Issue 19: an emulator started at an interactive prompt belongs to whoever started it, not to the
# terminal's Ctrl+C. Tested in a real pseudo-terminal (script(1)), where Ctrl+C is a key typed into the
# terminal and the kernel, not the test, decides which processes get the signal.
BeforeDiscovery {
    # The pty comes from util-linux's script(1): Windows has none (Ctrl+C is a console event there), and
    # macOS's script takes other arguments.
    $noTerminal = -not $IsLinux -or -not (Get-Command script -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Add-Type -Path (Join-Path $RepoRoot 'tests/tools/TerminalSession.cs')
    $readLineData = New-TestDirectory
}

AfterAll {
    if ($term) { $term.Dispose() }
    if ($started -and -not $started.Process.HasExited) { try { $started.Process.Kill() } catch { } }
    if ($readLineData) { Remove-Item -Recurse -Force $readLineData -ErrorAction SilentlyContinue }
}

Describe 'Start-GptTrainerEmulator at an interactive prompt' -Skip:$noTerminal {
    BeforeAll {
        # PSReadLine's history (under XDG_DATA_HOME) would otherwise be the user's own, and change what the prompt draws.
        $term = [TerminalSession]::new(
            "dotnet pwsh -NoProfile -NoLogo -NoExit -Command `"Import-Module '$(Join-Path $RepoRoot 'tests/tools/GptTrainerEmulator.psm1')'`"",
            $RepoRoot, 100, 40, @{ TERM = 'xterm'; XDG_DATA_HOME = $readLineData }, [string[]]@('GPTTRAINER_API_KEY', 'GPTTRAINER_BASE_URL'))
        $null = $term.WaitFor('PS [^\n]*> ')

        # Started by the pwsh in the terminal, as an admin would; the test then reaches it over HTTP only.
        $mark = $term.Mark
        $term.Type("`$e = Start-GptTrainerEmulator -ApiKey 'key-made-up-for-the-terminal'; `$e | Connect-GptTrainerEmulator -SkipCheck; 'STARTED=' + `$e.Uri + ' ' + `$e.Process.Id`r")
        $ready = $term.WaitFor('STARTED=(http://\S+) (\d+)', 60, $mark)
        $started = [pscustomobject]@{
            PSTypeName = 'GptTrainer.Emulator'
            Uri        = $ready.Groups[1].Value
            ApiKey     = 'key-made-up-for-the-terminal'
            Process    = Get-Process -Id ([int]$ready.Groups[2].Value)
        }
        $null = $term.WaitFor('PS [^\n]*> ', 30, $ready.Index)

        # State the emulator holds only in memory: what a dead emulator would have lost.
        $bot = New-TestChatbot $started -Name 'Kept through Ctrl+C'
        $session = New-TestSession $started -ChatbotUuid $bot.uuid

        function Assert-EmulatorAlive {
            $started.Process.HasExited | Should -BeFalse
            @(Invoke-Emulator $started 'chatbots' -Api).name | Should -Be @('Kept through Ctrl+C')
            $null = Invoke-Emulator $started "session/$($session.uuid)/messages" -Api
        }
    }

    It 'is itself the process it returns, in a session of its own, which no terminal signals' {
        # /proc/<pid>/stat: pid (name) state ppid pgrp session ...
        $fields = ((Get-Content -Raw "/proc/$($started.Process.Id)/stat") -replace '^.*\) ', '') -split ' '
        $fields[3] | Should -Be $started.Process.Id
        (Get-Content -Raw "/proc/$($started.Process.Id)/cmdline") -replace "`0", ' ' | Should -Match 'GptTrainer\.Emulator\.dll .*--parent-pid'
    }

    It 'keeps running, with its state, when Ctrl+C stops a reply shown with -Show' {
        # The reply is held after two pieces, so Ctrl+C surely comes while the command is running.
        $null = Invoke-Emulator $started 'reply' -Method Post -Body @{ sessionUuid = $session.uuid; holdAfterPieces = 2; pieceDelayMs = 0 }
        $mark = $term.Mark
        $term.Type("Send-GptTrainerMessage 'Are you there?' -SessionUuid $($session.uuid) -Show`r")
        Wait-Until { (Invoke-Emulator $started 'stats').streamsHeld -eq 1 } -Because 'the reply to be held midway'

        $term.Type([string][char]3)

        $null = $term.WaitFor('PS [^\n]*> ', 30, $mark + 10)
        Assert-EmulatorAlive
        $null = Invoke-Emulator $started 'release' -Method Post
    }

    It 'keeps running when Ctrl+C answers Connect-GptTrainer''s question for the key' {
        $mark = $term.Mark
        $term.Type("Connect-GptTrainer -BaseUri '$($started.Uri)'`r")
        $null = $term.WaitFor('API key[^\n]*: ', 30, $mark)
        # A person who started typing the key and changed their mind: the * shown for the first character
        # says the prompt reads keys, so Ctrl+C reaches it rather than the moment before it.
        $term.Type('x')
        $null = $term.WaitFor('API key[^\n]*: \*', 30, $mark)

        $term.Type([string][char]3)

        $null = $term.WaitFor('PS [^\n]*> ', 30, $mark + 10)
        Assert-EmulatorAlive
    }

    It 'ends when the PowerShell session that started it ends' {
        $term.Type("exit`r")
        Wait-Until { $started.Process.HasExited } -TimeoutSec 30 -Because 'the emulator to end with its PowerShell session'
    }
}
