BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Send-GptTrainerMessage streaming' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
    }

    It 'writes the first piece to the pipeline while the emulator still holds back the rest' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; holdAfterPieces = 1 }
        $heldWhenFirstPieceArrived = $null
        $pieces = Send-GptTrainerMessage -Query 'Is this streamed?' | ForEach-Object {
            if ($null -eq $heldWhenFirstPieceArrived) {
                # The emulator reports the stream as held until it is released: proof that the rest is unsent.
                $heldWhenFirstPieceArrived = (Invoke-Emulator $emulator 'stats').streamsHeld
                $null = Invoke-Emulator $emulator 'release' -Method Post
            }
            $_
        }

        $heldWhenFirstPieceArrived | Should -Be 1
        $pieces.Count | Should -BeGreaterThan 1
        $pieces | ForEach-Object { $_ | Should -BeOfType [string] }
    }

    It 'says in its help what it writes with -AsMessage' {
        $outputs = (Get-Help Send-GptTrainerMessage -Full).returnValues.returnValue
        ($outputs | Where-Object { $_.type.name -eq 'GptTrainer.Models.Message' }).description.Text | Should -Match '-AsMessage'
    }

    It 'joins into exactly the stored reply, paragraph breaks included' {
        # Two sources match, so the reply has two paragraphs.
        $null = Invoke-Emulator $emulator "chatbot/$($bot.uuid)/data-source/qa" -Api -Method Post -Body @{ question = 'How are paragraphs separated?'; answer = 'Paragraphs are separated by a blank line.' }
        $null = Invoke-Emulator $emulator "chatbot/$($bot.uuid)/data-source/qa" -Api -Method Post -Body @{ question = 'How long is a paragraph?'; answer = 'A paragraph has a few sentences.' }
        Complete-GptTrainerEmulatorProcessing $emulator
        $pieces = @(Send-GptTrainerMessage -Query 'Tell me about paragraphs')
        $stored = Get-GptTrainerMessage -SessionUuid $session.SessionUuid | Select-Object -Last 1

        $pieces.Count | Should -BeGreaterThan 1
        (-join $pieces) | Should -BeExactly $stored.Response
        (-join $pieces) | Should -Match "`n`n"
        (-join $pieces).Split("`n").Count | Should -BeGreaterOrEqual 3
    }

    It 'keeps every character of scripted pieces: CRLF, tabs, trailing spaces' {
        $scripted = @("First line  `r`n", "`tindented", " and`n`n", 'last ')
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = $scripted; pieceDelayMs = 20 }
        (-join (Send-GptTrainerMessage -Query 'exact?')) | Should -BeExactly (-join $scripted)
    }

    It 'decodes a multi-byte character whose bytes arrive in separate pieces' {
        $text = "Grüße aus Köln — 東京 🙂 fin"
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; text = $text; splitUtf8 = $true; pieceDelayMs = 25 }
        $pieces = @(Send-GptTrainerMessage -Query 'unicode please')

        (-join $pieces) | Should -BeExactly $text
        (-join $pieces) | Should -Not -Match ([char]0xFFFD)
    }

    It 'returns the whole reply as one string with -Raw' {
        $reply = @(Send-GptTrainerMessage -Query 'All at once' -Raw)
        $stored = Get-GptTrainerMessage | Select-Object -Last 1

        $reply.Count | Should -Be 1
        $reply[0] | Should -BeExactly $stored.Response
    }

    It 'writes the stored message with its uuid, finish reason and citations after the reply with -PassThru' {
        $cited = New-TestChatbot $emulator -Citations
        $null = Invoke-Emulator $emulator "chatbot/$($cited.uuid)/data-source/qa" -Api -Method Post -Body @{ question = 'Do you ship abroad?'; answer = 'We ship abroad to thirty countries.' }
        Complete-GptTrainerEmulatorProcessing $emulator
        $null = New-GptTrainerSession -ChatbotUuid $cited.uuid

        $output = @(Send-GptTrainerMessage -Query 'Do you ship abroad?' -PassThru)
        $message = $output[-1]
        $text = -join $output[0..($output.Count - 2)]

        $message | Should -BeOfType ([GptTrainer.Models.Message])
        $message.MessageUuid | Should -Match '^[0-9a-f]{32}$'
        $message.Query | Should -Be 'Do you ship abroad?'
        $message.Response | Should -BeExactly $text
        $message.FinishReason | Should -Be 'stop'
        $message.Citations.Count | Should -Be 1
        $message.Citations[0].Key | Should -Be '1.1'
        $message.Citations[0].Text | Should -Be 'We ship abroad to thirty countries.'
        $message.CiteDataJson | Should -Match '"1.1"'
    }

    It 'sends piped queries in order on the same session' {
        $facts = @{ 'When does the shop open?' = 'The shop opens at nine.'; 'When does the shop close?' = 'The shop closes at six.'; 'What is the shop address?' = 'The shop address is 4 Mill Street.' }
        foreach ($question in $facts.Keys) {
            $null = Invoke-Emulator $emulator "chatbot/$($bot.uuid)/data-source/qa" -Api -Method Post -Body @{ question = $question; answer = $facts[$question] }
        }
        Complete-GptTrainerEmulatorProcessing $emulator

        $asked = 'When does the shop open?', 'When does the shop close?', 'What is the shop address?'
        $replies = $asked | Send-GptTrainerMessage -Raw
        $stored = @(Get-GptTrainerMessage -SessionUuid $session.SessionUuid)

        $stored.Query | Should -Be $asked
        $replies | Should -Be @($asked | ForEach-Object { $facts[$_] })
    }

    It 'refuses to send without a session, before any request' {
        Disconnect-GptTrainer
        Connect-TestEmulator $emulator
        $null = Invoke-Emulator $emulator 'requests' -Method Delete

        Send-GptTrainerMessage -Query 'anyone?' -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -BeLike 'NoSessionUuid,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err[0].Exception.Message | Should -Match 'New-GptTrainerSession'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'refuses an empty or blank query before any request' {
        $null = Invoke-Emulator $emulator 'requests' -Method Delete
        Send-GptTrainerMessage -Query '   ' -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -BeLike 'EmptyQuery,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be '   '
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'keeps the pieces that arrived when the connection drops mid-reply, and says so' {
        $scripted = @('one ', 'two ', 'three ', 'four ', 'five')
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = $scripted; pieceDelayMs = 20 }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; cutAfterBytes = 8 }

        $pieces = @(Send-GptTrainerMessage -Query 'cut me off' -ErrorVariable err -ErrorAction SilentlyContinue)

        (-join $pieces) | Should -BeExactly 'one two '
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ReplyCutOff,*'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].Exception.Message | Should -Match "cut off after 8 bytes in $($pieces.Count) pieces"
    }

    It 'keeps the partial text with -Raw when the reply is cut off' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @('alpha ', 'beta ', 'gamma'); pieceDelayMs = 20 }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; cutAfterBytes = 11 }

        $reply = @(Send-GptTrainerMessage -Query 'cut' -Raw -ErrorVariable err -ErrorAction SilentlyContinue)

        $reply | Should -Be @('alpha beta ')
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ReplyCutOff,*'
    }
}

Describe 'Stopping Send-GptTrainerMessage' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-TestSession $emulator $bot.uuid
    }

    It 'stops within a quarter of a second while a reply is stalled mid-way, and closes the connection' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.uuid; holdAfterPieces = 1 }
        $run = Start-ModuleInstance $emulator 'Send-GptTrainerMessage -Query "stall" -SessionUuid $Arguments.Session' @{ Session = $session.uuid }
        try {
            Wait-Until { $run.Output.Count -ge 1 -and (Invoke-Emulator $emulator 'stats').streamsHeld -eq 1 } -Because 'the first piece'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            $watch.ElapsedMilliseconds | Should -BeLessThan 250
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsActive -eq 0 } -TimeoutSec 5 -Because 'the emulator to see the connection close'
        }
        finally {
            $run.PowerShell.Dispose()
        }
    }

    It 'stops within a quarter of a second while waiting for the response headers' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; stallBeforeHeadersMs = 20000 }
        $run = Start-ModuleInstance $emulator 'Send-GptTrainerMessage -Query "stall" -SessionUuid $Arguments.Session' @{ Session = $session.uuid }
        try {
            Wait-Until { @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count -eq 1 } -Because 'the request to reach the emulator'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            $watch.ElapsedMilliseconds | Should -BeLessThan 250
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $run.PowerShell.Dispose()
        }
    }
}
