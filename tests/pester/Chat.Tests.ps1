# Issue 11: the chat, tested in a real terminal as a person uses it: keys typed into a pseudo-terminal,
# the screen read back, Ctrl+C pressed mid-reply.
BeforeDiscovery {
    # The pseudo-terminal is Linux's script(1); where it is missing, the terminal tests are skipped, as others skip on Windows.
    $noTerminal = -not $IsLinux -or -not (Get-Command script -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Add-Type -Path (Join-Path $RepoRoot 'tests/tools/TerminalSession.cs')
    $emulator = Start-GptTrainerEmulator -PieceDelayMs 40
    $null = Invoke-Emulator $emulator 'reset' -Method Post
    Connect-TestEmulator $emulator
    $bot = New-GptTrainerChatbot -Name 'Holiday bot' -ShowCitations
    $source = $bot | New-GptTrainerDataSource -Question 'How many days of holiday do staff get?' -Answer 'Staff get twenty-five days of paid holiday each year, plus the public holidays of their country, and may carry five unused days into the next year.'
    Wait-Until { (Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid).Status -eq 'success' } -Because 'the source to be ready'
    $columns = 60

    function Get-Words([string] $text) { @($text -split '\s+' | Where-Object { $_ }) }

    # The pieces of a streamed reply joined as the screen shows them: words in order, whatever the wrapping.
    # The screen starts with the line typed (which the console redraws key by key); the reply follows it.
    function Assert-FlowingReply([string] $screen, [string] $response) {
        $reply = $screen.Substring($screen.IndexOf("`n") + 1)
        ((Get-Words $reply) -join ' ') | Should -Match ([regex]::Escape((Get-Words $response) -join ' '))
        foreach ($line in $reply -split "`n") {
            $line.Length | Should -BeLessOrEqual $columns -Because "'$line' must be wrapped to the window"
        }
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Enter-GptTrainerChat in a terminal' -Skip:$noTerminal {
    BeforeAll {
        # PSReadLine keeps its history under XDG_DATA_HOME and predicts from it: the user's own history,
        # shared by every run on the machine, would change what the prompt draws, and so the test.
        $readLineData = New-TestDirectory
        $term = [TerminalSession]::new(
            "dotnet pwsh -NoProfile -NoLogo -NoExit -Command `"Import-Module '$ModuleManifest'; Connect-GptTrainer -BaseUri '$($emulator.Uri)'`"",
            $RepoRoot, $columns, 40, @{ TERM = 'xterm'; XDG_DATA_HOME = $readLineData }, [string[]]@('GPTTRAINER_API_KEY', 'GPTTRAINER_BASE_URL'))
    }

    AfterAll {
        if ($term) { $term.Dispose() }
        if ($readLineData) { Remove-Item -Recurse -Force $readLineData -ErrorAction SilentlyContinue }
    }

    It 'asks for the key when none is given, without showing it' {
        $null = $term.WaitFor('API key')
        # Typed once the prompt reads keys: typed ahead, the terminal itself would echo it, as for any password.
        $term.WaitForCursorQuery(0)
        $mark = $term.Mark
        $term.Type("$($emulator.ApiKey)`r")
        $null = $term.WaitFor('PS [^\n]*> ', 30, $mark)
        $term.Screen | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
    }

    It 'streams a reply as flowing text wrapped to the window, then lists the sources it cited' {
        $mark = $term.Mark
        $term.Type("Enter-GptTrainerChat -ChatbotUuid $($bot.ChatbotUuid)`r")
        $null = $term.WaitFor("Chatting with 'Holiday bot' in session [0-9a-f]{32}.*You> ", 30, $mark)
        $script:session = (Get-GptTrainerContext).SessionUuid
        $script:session = ([regex]::Match($term.Screen.Substring($mark), 'in session ([0-9a-f]{32})')).Groups[1].Value

        $mark = $term.Mark
        $term.Type("How many days of holiday do staff get?`r")
        $shown = $term.WaitFor('\[1\.1\] How many days of holiday do staff get\?\s*\n.*You> ', 30, $mark)
        $stored = Get-GptTrainerMessage -SessionUuid $script:session | Select-Object -Last 1
        $stored.Response | Should -Match 'twenty-five days'
        Assert-FlowingReply $term.Screen.Substring($mark, $shown.Index - $mark) $stored.Response
    }

    It 'stops a reply at Ctrl+C, keeps what arrived, marks it cut short and asks again' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $script:session; holdAfterPieces = 3; pieceDelayMs = 40 }
        $mark = $term.Mark
        $term.Type("And how many unused days can staff carry over?`r")
        Wait-Until { (Invoke-Emulator $emulator 'stats').streamsHeld -eq 1 } -Because 'the reply to be held after its first pieces'
        $null = $term.WaitFor('\w+ \w+', 30, $mark + 50)

        $term.Type([string][char]3)
        $null = $term.WaitFor('\[reply cut short\]\s*\n.*You> ', 30, $mark)
        Wait-Until { (Invoke-Emulator $emulator 'stats').streamsActive -eq 0 } -Because 'the reply''s connection to be closed'
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $script:session; pieceDelayMs = 40 }

        $mark = $term.Mark
        $term.Type("How many days of holiday do staff get?`r")
        $null = $term.WaitFor('\[1\.1\].*You> ', 30, $mark)
    }

    It 'shows a failed question''s error and goes on' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 500; body = '{"error": "the model is down"}' }
        $mark = $term.Mark
        $term.Type("Is anyone there?`r")
        $null = $term.WaitFor('the model is down.*You> ', 30, $mark)
    }

    It 'runs /sources, /history, /help and /new' {
        $mark = $term.Mark
        $term.Type("/sources`r")
        $null = $term.WaitFor('1 data source:\s*\n\s*How many days of holiday do staff get\?\s+\(qa, success\).*You> ', 30, $mark)

        $mark = $term.Mark
        $term.Type("/history`r")
        $null = $term.WaitFor('You> How many days of holiday do staff get\?.*twenty-five.*You> ', 30, $mark)

        $mark = $term.Mark
        $term.Type("/help`r")
        $null = $term.WaitFor('/exit .*You> ', 30, $mark)

        $mark = $term.Mark
        $term.Type("/new`r")
        $match = $term.WaitFor('New session ([0-9a-f]{32})\.', 30, $mark)
        $match.Groups[1].Value | Should -Not -Be $script:session
        $script:session = $match.Groups[1].Value
        $null = $term.WaitFor('You> ', 30, $match.Index)
    }

    It 'leaves with /exit, and the chat''s session stays the current one' {
        $mark = $term.Mark
        $term.Type("/exit`r")
        $null = $term.WaitFor('PS [^\n]*> ', 30, $mark)
        $mark = $term.Mark
        $term.Type("'CURRENT=' + (Get-GptTrainerContext).SessionUuid`r")
        $null = $term.WaitFor("CURRENT=$($script:session)", 30, $mark)
    }

    It 'leaves with Ctrl+C at the chat''s prompt' {
        $mark = $term.Mark
        $term.Type("Enter-GptTrainerChat`r")
        # Pressed the instant the prompt is drawn, before the console has started to read keys: the key
        # must still reach the chat, not be lost as a signal in between.
        $null = $term.WaitFor("in session $($script:session).*You> ", 30, $mark)
        $mark = $term.Mark
        $term.Type([string][char]3)
        $null = $term.WaitFor('PS [^\n]*> ', 30, $mark)
        $mark = $term.Mark
        $term.Type("'STILL=' + (Get-GptTrainerContext).SessionUuid`r")
        $null = $term.WaitFor("STILL=$($script:session)", 30, $mark)
    }

    It 'shows a one-off question''s reply as flowing text with -Show' {
        $mark = $term.Mark
        $term.Type("Send-GptTrainerMessage 'How many days of holiday do staff get?' -Show; 'SHOWN'`r")
        $end = $term.WaitFor('\nSHOWN', 30, $mark)
        $stored = Get-GptTrainerMessage -SessionUuid $script:session | Select-Object -Last 1
        $reply = $term.Screen.Substring($mark, $end.Index - $mark)
        Assert-FlowingReply $reply $stored.Response
    }

    It 'names the chatbot when it asks before removing it' {
        $mark = $term.Mark
        $term.Type("Remove-GptTrainerChatbot $($bot.ChatbotUuid)`r")
        $null = $term.WaitFor("chatbot 'Holiday bot' \($($bot.ChatbotUuid.Substring(0, 8))\.\.\.\).*\[N\] No", 30, $mark)
        $term.Type("n`r")
        $null = $term.WaitFor('PS [^\n]*> ', 30, $mark + 10)
        (Get-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid).Name | Should -Be 'Holiday bot'
    }
}

Describe 'Enter-GptTrainerChat where nobody can type' {
    It 'refuses at once under <Case> instead of waiting' -ForEach @(
        @{ Case = 'pwsh -NonInteractive'; Arguments = @('-NonInteractive') }
        @{ Case = 'redirected input'; Arguments = @() }
    ) {
        $script = "Import-Module '$ModuleManifest'; Connect-GptTrainer -ApiKey '$($emulator.ApiKey)' -BaseUri '$($emulator.Uri)' -SkipCheck; Enter-GptTrainerChat -ChatbotUuid $($bot.ChatbotUuid)"
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Push-Location $RepoRoot
        try {
            $output = '' | & dotnet pwsh -NoProfile @Arguments -Command $script 2>&1 | Out-String
        }
        finally {
            Pop-Location
        }
        $watch.Stop()
        $output | Should -Match 'needs someone to type questions'
        $output | Should -Match 'NonInteractive|input is redirected'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
    }
}
