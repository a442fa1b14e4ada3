# Issue 9: what hostile servers and bad input did to the module, each case as it was reproduced.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Request bodies the JSON writer refuses, before any request' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'refuses a hashtable that contains itself, naming the parameter (it used to overflow the stack and kill the process)' {
        $h = @{ plan = 'pro' }
        $h.self = $h
        New-GptTrainerSession -ChatbotUuid $bot.uuid -InitialVariables $h -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'BodyNotWritable,GptTrainer.Commands.NewGptTrainerSessionCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match '-InitialVariables cannot be sent as JSON: the value contains itself \(at -InitialVariables\.self\)'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'refuses nesting deeper than the writer''s limit' {
        $deep = @{}
        $cursor = $deep
        foreach ($i in 1..5000) { $next = @{}; $cursor.n = $next; $cursor = $next }
        Invoke-GptTrainerApi -Method POST -Path 'chatbot/create' -Body $deep -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BodyNotWritable,*'
        $err[0].Exception.Message | Should -Match 'nested more than 64 levels'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'refuses a type JSON has no form for instead of sending its ToString()' {
        New-GptTrainerSession -ChatbotUuid $bot.uuid -InitialVariables @{ where = Get-Item $PSHOME } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match 'System\.IO\.DirectoryInfo has no JSON form'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'writes dates in ISO 8601' {
        $when = [datetime]::new(2025, 7, 16, 7, 0, 0, [DateTimeKind]::Utc)
        $null = New-GptTrainerSession -ChatbotUuid $bot.uuid -InitialVariables @{ since = $when }
        (Get-SentRequest $emulator '*/session/create' POST).body | Should -BeExactly '{"initial_variables":{"since":"2025-07-16T07:00:00.0000000Z"}}'
    }
}

Describe 'Answers of the right syntax but the wrong shape' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $a = New-TestChatbot $emulator -Name 'First'
        $b = New-TestChatbot $emulator -Name 'Second'
    }

    It 'reports <Case> for one piped item as UnexpectedAnswer and goes on with the next' -ForEach @(
        @{ Case = 'an empty 200'; Status = 200; Body = '' }
        @{ Case = 'a 204'; Status = 204; Body = '' }
        @{ Case = 'JSON null'; Status = 200; Body = 'null' }
        @{ Case = 'a list where an object belongs'; Status = 200; Body = '[1]' }
        @{ Case = 'an object without a uuid'; Status = 200; Body = '{}' }
        @{ Case = 'a numeric uuid'; Status = 200; Body = '{"uuid": 12345678901234567890, "name": "x"}' }
        @{ Case = 'a rate limit beyond int'; Status = 200; Body = '{"uuid": "0123456789abcdef0123456789abcdef", "name": "x", "meta": {"rate_limit": [4294967297, 60]}}' }
        @{ Case = 'a name that is a number too large to hold'; Status = 200; Body = '{"uuid": "0123456789abcdef0123456789abcdef", "name": 1e400}' }
    ) {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = "/chatbot/$($a.uuid)$"; status = $Status; body = $Body }
        $got = @([pscustomobject]@{ ChatbotUuid = $a.uuid }, [pscustomobject]@{ ChatbotUuid = $b.uuid } | Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue)

        $got.Name | Should -Be @('Second')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UnexpectedAnswer,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $err[0].TargetObject | Should -Be $a.uuid
    }

    It 'says which field was wrong and shows the start of the body' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 200; body = '[{"uuid": "0123456789abcdef0123456789abcdef", "name": "x", "meta": {"rate_limit": [4294967297, 60]}}]' }
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match '"rate_limit\[0\]" should be a whole number of at most 10 digits but is the number 4294967297'
        $err[0].Exception.Message | Should -Match 'The answer starts: \[\{"uuid"'
    }

    It 'reports a list where a list of objects belongs, { } or [null]' -ForEach @(@{ Body = '{}' }, @{ Body = '[null]' }) {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 200; body = $Body }
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnexpectedAnswer,*'
    }

    It 'accepts a JSON answer that starts with a UTF-8 byte-order mark' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = "/chatbot/$($a.uuid)$"; status = 200; body = "$([char]0xFEFF){`"uuid`": `"$($a.uuid)`", `"name`": `"With BOM`"}" }
        (Get-GptTrainerChatbot -ChatbotUuid $a.uuid).Name | Should -Be 'With BOM'
    }

    It 'keeps the current session when a session create answers {"uuid": null}' {
        $before = New-GptTrainerSession -ChatbotUuid $a.uuid
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/session/create$'; status = 200; body = '{"uuid": null}' }
        New-GptTrainerSession -ChatbotUuid $b.uuid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnexpectedAnswer,*'
        $err[0].Exception.Message | Should -Match 'a session has "uuid"|a session has no "uuid"'
        (Get-GptTrainerContext).SessionUuid | Should -Be $before.SessionUuid
        (Get-GptTrainerContext).ChatbotUuid | Should -Be $a.uuid

        Clear-EmulatorRequest $emulator
        $null = Send-GptTrainerMessage 'still the old session' -Raw
        (Get-EmulatorRequest $emulator -PathLike '*/message/stream')[0].path | Should -Be "/api/v1/session/$($before.SessionUuid)/message/stream"
    }
}

Describe 'A slow consumer' {
    It 'never makes a healthy reply time out: the idle clock counts only the service''s silence' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @('one ', 'two ', 'three ', 'four'); pieceDelayMs = 50 }

        # The consumer's slowness is the scenario itself: each piece takes longer than the idle timeout.
        $seen = Send-GptTrainerMessage 'slow reader' -IdleTimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue |
            ForEach-Object { Start-Sleep -Milliseconds 1300; $_ }

        $err.Count | Should -Be 0
        (-join $seen) | Should -BeExactly 'one two three four'
    }
}

Describe 'Tab completion after changes' {
    It 'offers a session created a moment ago (the cache was not cleared after a session create)' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Completion bot'
        $first = $bot | New-GptTrainerSession
        $line = "Get-GptTrainerSession -ChatbotUuid $($bot.ChatbotUuid) -SessionUuid "
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).CompletionText | Should -Be @($first.SessionUuid)
        $second = $bot | New-GptTrainerSession
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).CompletionText | Sort-Object | Should -Be (@($first.SessionUuid, $second.SessionUuid) | Sort-Object)
    }
}
