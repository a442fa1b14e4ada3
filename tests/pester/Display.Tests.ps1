# Issue 18, items 5 and 6: what the module shows on a terminal. A server must never drive the terminal
# through the text it sends (window title, clipboard, screen), while the pipeline keeps that text exact;
# and a reply without whitespace must show as it arrives, in time and memory bounded by a line.
# The cmdlets run in a runspace whose host has a window and records every character written to it
# (tests/tools/RecordingHost.cs): -Show and the chat write through the host, which a runspace without a
# host never calls, and wrap to its width. The last Describe reads what a real pseudo-terminal receives.
BeforeDiscovery {
    # The pseudo-terminal is Linux's script(1); where it is missing, that Describe is skipped, as others skip on Windows.
    $noTerminal = -not $IsLinux -or -not (Get-Command script -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Add-Type -Path (Join-Path $RepoRoot 'tests/tools/RecordingHost.cs')
    $emulator = Start-GptTrainerEmulator -PieceDelayMs 0

    # Window title, clipboard write, screen wipe, a C1 CSI and a bidirectional override, with the first
    # escape sequence split across two pieces and the screen wipe split inside its parameters.
    $hostilePieces = @("Title `e", "]2;pwned`a, clipboard `e]52;c;aGVsbG8=`a, wipe `e[2", "J, C1 $([char]0x9B)2J, bidi $([char]0x202E)desrever$([char]0x202C) end.")
    $hostileName = "Evil `e]2;pwned`a bot"

    $controls = '[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]'

    function Assert-Neutralised([string] $Shown, [string[]] $Escapes = @('\u001B]2;pwned\u0007')) {
        # A failure message shows the text with its controls made visible: raw, they would drive the
        # terminal running the tests and break the XML test report.
        $visible = $Shown -replace $controls, { '<U+{0:X4}>' -f [int][char]$_.Value }
        # No control character but line breaks and tabs, and no bidirectional override, reaches the screen...
        $control = [regex]::Match($Shown, $controls)
        $control.Success | Should -BeFalse -Because "no control character may be shown, but there is one at $($control.Index) in: $visible"
        # ...yet what was there is visible, as error messages show it.
        foreach ($escape in $Escapes) { $Shown.Contains($escape) | Should -BeTrue -Because "'$escape' should be shown in: $visible" }
    }

    function Start-Shown {
        <# Runs a script in a runspace whose host has a window $Width wide and records what is written to it. #>
        param([string] $Script, [hashtable] $Arguments = @{}, [int] $Width = 80, [string[]] $Typed = @())
        $recording = [RecordingHost]::new($Width, $true)
        $recording.Type($Typed)
        $runspace = [runspacefactory]::CreateRunspace($recording)
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $null = $ps.AddScript("param(`$Manifest, `$Uri, `$Key, `$Arguments) Import-Module `$Manifest; Connect-GptTrainer -ApiKey `$Key -BaseUri `$Uri -SkipCheck`n$Script")
        $null = $ps.AddParameters(@{ Manifest = $ModuleManifest; Uri = $emulator.Uri; Key = $emulator.ApiKey; Arguments = $Arguments })
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        [pscustomobject]@{ PowerShell = $ps; Runspace = $runspace; Host = $recording; Output = $output; Handle = $handle }
    }

    function Invoke-Shown {
        param([string] $Script, [hashtable] $Arguments = @{}, [int] $Width = 80, [string[]] $Typed = @())
        $run = Start-Shown -Script $Script -Arguments $Arguments -Width $Width -Typed $Typed
        try {
            $null = $run.PowerShell.EndInvoke($run.Handle)
            [pscustomobject]@{
                Shown    = $run.Host.Text
                Output   = @($run.Output)
                Errors   = @($run.PowerShell.Streams.Error)
                Warnings = @($run.PowerShell.Streams.Warning)
                Verbose  = @($run.PowerShell.Streams.Verbose)
                Progress = @($run.PowerShell.Streams.Progress)
            }
        }
        finally {
            $run.PowerShell.Dispose()
            $run.Runspace.Dispose()
        }
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'A server never drives the terminal through what the module shows' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name $hostileName
        $source = $bot | New-GptTrainerDataSource -Question "Which `e]2;pwned`a holidays?" -Answer 'Twenty-five days.'
        $tag = New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name "Tag `e]2;pwned`a" -Color '#088F8F'
        Complete-GptTrainerEmulatorProcessing $emulator
    }

    BeforeEach {
        $session = New-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = $hostilePieces }
    }

    It 'Send-GptTrainerMessage -Show shows control characters as visible escapes, even split across pieces' {
        $run = Invoke-Shown 'Send-GptTrainerMessage "hello" -SessionUuid $Arguments.Session -Show' @{ Session = $session.SessionUuid }
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -BeNullOrEmpty
        Assert-Neutralised $run.Shown '\u001B]2;pwned\u0007', '\u001B]52;c;aGVsbG8=\u0007', '\u001B[2J', '\u009B2J', '\u202Edesrever\u202C'
    }

    It 'Send-GptTrainerMessage -NoStream -Show too' {
        $run = Invoke-Shown 'Send-GptTrainerMessage "hello" -SessionUuid $Arguments.Session -Show -NoStream' @{ Session = $session.SessionUuid }
        $run.Errors | Should -BeNullOrEmpty
        Assert-Neutralised $run.Shown '\u001B]2;pwned\u0007', '\u001B[2J'
    }

    It 'keeps the pipeline''s data exact: the pieces, -Raw and the stored message' {
        (-join (Send-GptTrainerMessage 'hello' -SessionUuid $session.SessionUuid)) | Should -BeExactly (-join $hostilePieces)
        Send-GptTrainerMessage 'hello' -SessionUuid $session.SessionUuid -Raw | Should -BeExactly (-join $hostilePieces)
        (Get-GptTrainerMessage -SessionUuid $session.SessionUuid)[-1].Response | Should -BeExactly (-join $hostilePieces)
        (Get-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid).Name | Should -BeExactly $hostileName
    }

    It 'Enter-GptTrainerChat shows the reply, /history and /sources neutralised' {
        $typed = "Who `e]2;asked`a?", '/history', '/sources'
        $run = Invoke-Shown 'Enter-GptTrainerChat -ChatbotUuid $Arguments.Bot -SessionUuid $Arguments.Session' @{ Bot = $bot.ChatbotUuid; Session = $session.SessionUuid } -Typed $typed
        $run.Errors | Should -BeNullOrEmpty
        Assert-Neutralised $run.Shown '\u001B]2;pwned\u0007', '\u001B[2J', 'You> Who \u001B]2;asked\u0007?', 'Which \u001B]2;pwned\u0007 holidays?'
        # The reply twice: as it streamed, and again in /history.
        ([regex]::Matches($run.Shown, [regex]::Escape('\u001B]52;c;aGVsbG8=\u0007'))).Count | Should -Be 2
    }

    It 'the default <View> view of <Kind> shows escapes, while the property stays exact' -ForEach @(
        @{ Kind = 'chatbots'; View = 'table'; Get = { Get-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid }; Property = 'Name' }
        @{ Kind = 'chatbots'; View = 'list'; Get = { Get-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid }; Property = 'Name' }
        @{ Kind = 'data sources'; View = 'table'; Get = { Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid }; Property = 'Title' }
        @{ Kind = 'data sources'; View = 'list'; Get = { Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid }; Property = 'Title' }
        @{ Kind = 'source tags'; View = 'table'; Get = { Get-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid }; Property = 'Name' }
        @{ Kind = 'source tags'; View = 'list'; Get = { Get-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid }; Property = 'Name' }
        @{ Kind = 'messages'; View = 'table'; Get = { $null = Send-GptTrainerMessage 'hello' -SessionUuid $session.SessionUuid; Get-GptTrainerMessage -SessionUuid $session.SessionUuid }; Property = 'Response' }
        @{ Kind = 'messages'; View = 'list'; Get = { $null = Send-GptTrainerMessage 'hello' -SessionUuid $session.SessionUuid; Get-GptTrainerMessage -SessionUuid $session.SessionUuid }; Property = 'Response' }
    ) {
        $item = @(& $Get)[-1]
        $item.$Property.Contains([char]27) | Should -BeTrue
        $shown = if ($View -eq 'table') { $item | Format-Table | Out-String -Width 400 } else { $item | Format-List | Out-String -Width 400 }
        Assert-Neutralised $shown
        $item.$Property.Contains([char]27) | Should -BeTrue -Because 'formatting must not change the object'
    }

    It 'the default views go through the same shown on a terminal-like host' {
        $run = Invoke-Shown 'Get-GptTrainerChatbot -ChatbotUuid $Arguments.Bot | Out-Host; Get-GptTrainerDataSource -ChatbotUuid $Arguments.Bot | Format-List | Out-Host' @{ Bot = $bot.ChatbotUuid }
        $run.Errors | Should -BeNullOrEmpty
        # PowerShell colours the headers itself on a terminal (ESC [ ... m); nothing else may be there.
        Assert-Neutralised ($run.Shown -replace '\x1B\[[0-9;]*m', '') 'Evil \u001B]2;pwned\u0007 bot', 'Which \u001B]2;pwned\u0007 holidays?'
    }

    It 'warnings, verbose messages and progress that name a local file show escapes' {
        $folder = New-TestDirectory
        try {
            Set-Content -LiteralPath (Join-Path $folder "notes `e]2;pwned`a.xyz") -Value 'not a kind the service takes'
            Set-Content -LiteralPath (Join-Path $folder "manual `e]2;pwned`a.txt") -Value 'The manual.'
            $run = Invoke-Shown @'
Sync-GptTrainerDataSource -ChatbotUuid $Arguments.Bot -Path $Arguments.Folder -Verbose
Send-GptTrainerMessage 'what does it say?' -SessionUuid $Arguments.Session -DocumentPath (Join-Path $Arguments.Folder '*.txt') -Verbose
'@ @{ Bot = $bot.ChatbotUuid; Folder = $folder; Session = $session.SessionUuid }
            $run.Errors | Should -BeNullOrEmpty
            $run.Warnings.Count | Should -Be 1
            Assert-Neutralised $run.Warnings[0].Message 'notes \u001B]2;pwned\u0007.xyz'
            $named = @($run.Verbose.Message | Where-Object { $_ -like '*manual*' })
            $named.Count | Should -BeGreaterThan 0
            $named | ForEach-Object { Assert-Neutralised $_ 'manual \u001B]2;pwned\u0007.txt' }
            $progress = @($run.Progress | Where-Object { $_.StatusDescription -like '*manual*' })
            $progress.Count | Should -BeGreaterThan 0
            $progress | ForEach-Object { Assert-Neutralised $_.StatusDescription 'manual \u001B]2;pwned\u0007.txt' }
        }
        finally {
            Remove-Item -Recurse -Force -LiteralPath $folder
        }
    }
}

Describe 'The sources under a reply that is shown' {
    BeforeAll {
        Connect-TestEmulator $emulator
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $bot = New-GptTrainerChatbot -Name 'Sources bot' -ShowCitations
        # Two paragraphs of one source that both answer the question: two passages, [1.1] and [1.2].
        $file = Join-Path (New-TestDirectory) 'laptops.md'
        Set-Content -Path $file -Value "New employees get a laptop on their first day at work.`n`nA broken laptop for an employee is replaced within two days."
        $null = $bot | New-GptTrainerDataSource -Path $file
        Complete-GptTrainerEmulatorProcessing $emulator
        $question = 'When does an employee get a laptop?'
    }

    It 'lists each cited source once, with every marker that cites it, under <Case>' -ForEach @(
        @{ Case = 'Send-GptTrainerMessage -Show'; Script = 'Send-GptTrainerMessage $Arguments.Question -SessionUuid (New-GptTrainerSession -ChatbotUuid $Arguments.Bot).SessionUuid -Show'; Typed = @() }
        @{ Case = 'a reply in the chat'; Script = 'Enter-GptTrainerChat -ChatbotUuid $Arguments.Bot'; Typed = @('When does an employee get a laptop?', '/exit') }
    ) {
        $run = Invoke-Shown $Script @{ Bot = $bot.ChatbotUuid; Question = $question } -Typed $Typed

        $run.Errors | Should -BeNullOrEmpty
        $run.Shown | Should -Match '(?s)\[1\.1\].*\[1\.2\]' -Because 'the reply cites two passages of one source'
        $run.Shown | Should -Match '(?m)^  \[1\.1, 1\.2\] laptops\.md\s*$'
        ([regex]::Matches($run.Shown, '(?m)^  \[.*\] laptops\.md')).Count | Should -Be 1 -Because 'two passages of one source are one source'
    }
}

Describe 'A reply without whitespace on the display' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-TestSession $emulator $bot.uuid
        # Four pieces of 500,000 characters and no whitespace; the emulator holds the last two back.
        $run = New-Object string ('x', 500000)
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.uuid; pieces = @($run, $run, $run, $run); holdAfterPieces = 2 }
    }

    It 'shows a long run as it arrives, broken at the window''s width, holding back no more than a line' {
        $shown = Start-Shown 'Send-GptTrainerMessage "run" -SessionUuid $Arguments.Session -Show' @{ Session = $session.uuid }
        try {
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsHeld -eq 1 } -Because 'the reply to be held after half of it'
            # Before the fix nothing at all was shown until the run ended: it was held whole.
            Wait-Until { $shown.Host.Written -ge 1000000 - 80 } -Because 'the first half of the run to be shown while the rest is held'
            $null = Invoke-Emulator $emulator 'release' -Method Post
            $null = $shown.PowerShell.EndInvoke($shown.Handle)
            $lines = $shown.Host.Text.TrimEnd("`n").Split("`n")
            ($lines | Measure-Object Length -Sum).Sum | Should -Be 2000000
            ($lines | Measure-Object Length -Maximum).Maximum | Should -Be 79
            # No write carries more than its piece's worth: the work of each is bounded by the piece.
            $shown.Host.LongestWrite | Should -BeLessOrEqual (32768 + 32768 / 79 + 80)
        }
        finally {
            $shown.PowerShell.Dispose()
            $shown.Runspace.Dispose()
        }
    }

    It 'stops within a quarter of a second at Ctrl+C while the run is held mid-way' {
        $shown = Start-Shown 'Send-GptTrainerMessage "run" -SessionUuid $Arguments.Session -Show' @{ Session = $session.uuid }
        try {
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsHeld -eq 1 -and $shown.Host.Written -ge 1000000 - 80 } -Because 'half of the run to be shown'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $shown.PowerShell.Stop()
            $watch.Stop()

            $watch.ElapsedMilliseconds | Should -BeLessThan 250
            $shown.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            $shown.Host.Written | Should -BeLessThan 1100000 -Because 'nothing of the held half was shown'
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsActive -eq 0 } -TimeoutSec 5 -Because 'the emulator to see the connection close'
        }
        finally {
            $shown.PowerShell.Dispose()
            $shown.Runspace.Dispose()
        }
    }
}

Describe 'What a real terminal receives' -Skip:$noTerminal {
    BeforeAll {
        Add-Type -Path (Join-Path $RepoRoot 'tests/tools/TerminalSession.cs')
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name $hostileName
        $session = New-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = $hostilePieces }
        $readLineData = New-TestDirectory
        $term = [TerminalSession]::new(
            "dotnet pwsh -NoProfile -NoLogo -NoExit -Command `"Import-Module '$ModuleManifest'; Connect-GptTrainer -BaseUri '$($emulator.Uri)' -ApiKey '$($emulator.ApiKey)' -SkipCheck`"",
            $RepoRoot, 100, 40, @{ TERM = 'xterm'; XDG_DATA_HOME = $readLineData }, [string[]]@('GPTTRAINER_API_KEY', 'GPTTRAINER_BASE_URL'))
        $null = $term.WaitFor('PS [^\n]*> ', 60)
    }

    AfterAll {
        if ($term) { $term.Dispose() }
        if ($readLineData) { Remove-Item -Recurse -Force $readLineData -ErrorAction SilentlyContinue }
    }

    It 'gets no escape sequence from the service in a table, a -Show reply or the chat''s /history' {
        $raw = $term.RawMark
        $mark = $term.Mark
        $term.Type("Get-GptTrainerChatbot -ChatbotUuid $($bot.ChatbotUuid); Send-GptTrainerMessage hello -SessionUuid $($session.SessionUuid) -Show; 'SHOWN'`r")
        $null = $term.WaitFor('\nSHOWN', 30, $mark)
        $received = $term.RawSince($raw)
        foreach ($sequence in "`e]2;pwned", "`e]52;", "`e[2J", [string][char]0x9B, [string][char]0x202E) {
            $received.Contains($sequence) | Should -BeFalse -Because "the terminal must not receive $($sequence -replace "`e", 'ESC')"
        }
        $screen = $term.Screen.Substring($mark)
        $screen | Should -Match ([regex]::Escape('Evil \u001B]2;pwned\u0007 bot'))
        $screen | Should -Match ([regex]::Escape('\u001B]52;c;aGVsbG8=\u0007'))
    }
}
