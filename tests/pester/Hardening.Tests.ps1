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

Describe 'Answers without bound' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'stops reading a JSON answer that never ends at the size limit: <Limit>' -ForEach @(
        @{ Limit = '-MaximumResponseSizeMB 1'; Arguments = @{ MaximumResponseSizeMB = 1 }; MiB = 1 }
        @{ Limit = 'the default of 64 MiB'; Arguments = @{}; MiB = 64 }
    ) {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 200; endlessBody = $true }
        Get-GptTrainerChatbot @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ResponseTooLarge,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $err[0].Exception.Message | Should -Match "-MaximumResponseSizeMB limit of $MiB MiB"
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1 -Because 'a runaway answer is not asked for again'
    }

    It 'keeps what arrived of a -Raw reply that grows past the limit, and says so' {
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; generateBytes = 8MB }
        $reply = @(Send-GptTrainerMessage 'endless' -Raw -MaximumResponseSizeMB 1 -ErrorVariable err -ErrorAction SilentlyContinue)
        $reply.Count | Should -Be 1
        $reply[0].Length | Should -BeGreaterThan 1MB
        $reply[0].Length | Should -BeLessThan 2MB
        $reply[0] | Should -Match '^The quick brown fox'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResponseTooLarge,*'
        $err[0].Exception.Message | Should -Match 'were written as one string before this error'
    }

    It 'times out a JSON answer that trickles, naming -ResponseTimeoutSec, and does not retry' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 200; body = '[                    ]'; trickleMs = 200 }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Get-GptTrainerChatbot -ResponseTimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $watch.Stop()
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResponseTimeout,*'
        $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err[0].Exception.Message | Should -Match 'response timeout of 1 s'
        $err[0].Exception.Message | Should -Match '-ResponseTimeoutSec'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
    }
}

Describe 'The key in server-supplied text' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $key = $emulator.ApiKey
    }

    It 'is removed from the reason phrase, the error body and everything $Error keeps' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 400; reasonPhrase = "Bad token $key"; body = "{`"msg`": `"you sent Bearer $key`"}" }
        $all = Get-GptTrainerChatbot -Verbose -Debug -ErrorVariable err *>&1 | Out-String -Width 4096
        $err[0].Exception.ReasonPhrase | Should -Be 'Bad token ********'
        $err[0].Exception.ServerMessage | Should -Be 'you sent Bearer ********'
        $err[0].Exception.ResponseBody | Should -Not -Match ([regex]::Escape($key))
        ($err[0] | Format-List * -Force | Out-String) + ($err[0].Exception | Format-List * -Force | Out-String) + $all | Should -Not -Match ([regex]::Escape($key))
    }

    It 'is removed from a redirect''s Location in the verbose stream and in the error of a redirect loop' {
        $escaped = [uri]::EscapeDataString($key)
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 307; location = "$($emulator.Uri)/api/v1/chatbots?token=$escaped"; times = -1 }
        $all = Get-GptTrainerChatbot -Verbose -ErrorVariable err *>&1 | Out-String -Width 4096
        $all | Should -Match 'redirect to .*token=\*{8}'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'TooManyRedirects,*'
        $all + ($err[0].Exception | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($escaped))
    }

    It 'is removed from a streamed reply even when it arrives split across pieces, the rest byte for byte' {
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @("Your key is ", $key.Substring(0, 10), $key.Substring(10) + ".`n", 'eyJ is not a key.'); pieceDelayMs = 20 }
        (-join (Send-GptTrainerMessage 'echo my key')) | Should -BeExactly "Your key is ********.`neyJ is not a key."
    }
}

Describe 'A file that cannot be read' {
    BeforeAll {
        $work = New-TestDirectory
        foreach ($name in 'ok1', 'locked', 'ok2') { Set-Content -Path (Join-Path $work "$name.txt") -Value "The $name document." }
        $locked = Join-Path $work 'locked.txt'
    }

    AfterAll {
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Locked files'
        $null = $bot | New-GptTrainerSession
        # Another process holding the file exclusively; .NET honours the lock within a process too.
        $lock = [System.IO.File]::Open($locked, 'Open', 'ReadWrite', 'None')
    }

    AfterEach {
        $lock.Dispose()
    }

    It 'is one ReadError in a piped upload, and the other files still go' {
        $sources = @(Get-ChildItem $work -Filter '*.txt' | Sort-Object Name | New-GptTrainerDataSource -ErrorVariable err -ErrorAction SilentlyContinue)
        $sources.FileName | Sort-Object | Should -Be @('ok1.txt', 'ok2.txt')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FileNotReadable,GptTrainer.Commands.NewGptTrainerDataSourceCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ReadError'
        $err[0].TargetObject | Should -Be $locked
    }

    It 'is one ReadError among -DocumentPath files, and the question goes with the others' {
        $paths = 'ok1', 'locked', 'ok2' | ForEach-Object { Join-Path $work "$_.txt" }
        $null = Send-GptTrainerMessage 'What do the documents say?' -DocumentPath $paths -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotReadable,*'
        @(Get-EmulatorRequest $emulator -PathLike '*/session-document/upload').Count | Should -Be 2
        @((Get-SentRequest $emulator '*/message/non-stream' POST).Json.session_document_uuids).Count | Should -Be 2
    }
}

Describe 'Retry-After and redirects a client cannot follow' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'treats Retry-After: <Value> as longer than the limit, reported at once' -ForEach @(@{ Value = '1e300' }, @{ Value = 'Infinity' }, @{ Value = '99999999999999999999' }) {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 429; retryAfter = $Value }
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http429,*'
        $err[0].Exception.Message | Should -Match 'asked to wait longer than any limit'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
    }

    It 'names a redirect loop and does not retry it' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; redirectTo = $emulator.Uri; times = -1 }
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'TooManyRedirects,GptTrainer.Commands.GetGptTrainerChatbotCommand'
        $err[0].Exception.Message | Should -Match 'redirected 6 times .*redirect loop'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 6 -Because 'one request and five redirects, never retried'
    }
}

Describe 'Compressed answers' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator -Name 'Compressed'
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
    }

    It 'decodes a <Encoding> streamed reply into exactly the stored text, piece by piece' -ForEach @(@{ Encoding = 'gzip' }, @{ Encoding = 'deflate' }, @{ Encoding = 'br' }) {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @('Grüße ', 'aus ', 'Köln ', '🙂'); pieceDelayMs = 20 }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; contentEncoding = $Encoding }
        $pieces = @(Send-GptTrainerMessage 'compressed please')
        (-join $pieces) | Should -BeExactly 'Grüße aus Köln 🙂'
        $pieces.Count | Should -BeGreaterThan 1
    }

    It 'decodes a gzip JSON answer' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; contentEncoding = 'gzip' }
        (Get-GptTrainerChatbot).Name | Should -Be 'Compressed'
    }

    It 'refuses an encoding it cannot decode instead of handing out bytes as text' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; contentEncoding = 'x-secret' }
        $pieces = @(Send-GptTrainerMessage 'mystery encoding' -ErrorVariable err -ErrorAction SilentlyContinue)
        $pieces.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnexpectedAnswer,*'
        $err[0].Exception.Message | Should -Match "encoded as 'x-secret'"
    }
}

Describe 'Control characters in server text' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'are shown as escapes in error messages, never sent to the terminal' {
        $esc = [char]27
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 500; reasonPhrase = "Oops$([char]7)"; body = "{`"error`": `"$esc[2J$esc]0;owned$([char]7) gone`"}" }
        Get-GptTrainerChatbot -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Not -Match '[\x00-\x1F\x7F]'
        $err[0].Exception.Message | Should -Match ([regex]::Escape('\u001B[2J\u001B]0;owned\u0007 gone'))
        $err[0].Exception.Message | Should -Match ([regex]::Escape('(Oops\u0007)'))
    }

    It 'are shown as escapes in tab completion' {
        $null = New-TestChatbot $emulator -Name "Evil$([char]27)[31mRed"
        $line = 'Get-GptTrainerChatbot -ChatbotUuid Evil'
        $match = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)[0]
        $match.ListItemText | Should -Be 'Evil\u001B[31mRed'
        $match.ToolTip | Should -Not -Match '[\x00-\x1F]'
    }

    It 'stay in streamed reply text, which is the user''s data' {
        $bot = New-TestChatbot $emulator
        $session = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.SessionUuid; pieces = @("tab`there", "bell$([char]7)") }
        (-join (Send-GptTrainerMessage 'raw data')) | Should -BeExactly "tab`therebell$([char]7)"
    }
}

Describe 'State in a reused runspace' {
    It 'starts each ForEach-Object -Parallel iteration without the last one''s connection and session' {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $bot = New-TestChatbot $emulator
        $saved = $env:GPTTRAINER_API_KEY
        $env:GPTTRAINER_API_KEY = $null
        try {
            # One runspace, reused: the second iteration must not inherit the first one's key or session.
            $results = 1..2 | ForEach-Object -ThrottleLimit 1 -Parallel {
                Import-Module $using:ModuleManifest
                $runspace = [runspace]::DefaultRunspace.InstanceId
                if ($_ -eq 1) {
                    Connect-GptTrainer -ApiKey ($using:emulator).ApiKey -BaseUri ($using:emulator).Uri
                    $null = New-GptTrainerSession -ChatbotUuid ($using:bot).uuid
                }
                $context = Get-GptTrainerContext
                $sent = try { $null = Send-GptTrainerMessage 'who am I?' -Raw -ErrorAction Stop; 'sent' } catch { $_.FullyQualifiedErrorId }
                $listed = try { $null = Get-GptTrainerChatbot -ErrorAction Stop; 'listed' } catch { $_.FullyQualifiedErrorId }
                [pscustomobject]@{ Iteration = $_; Runspace = $runspace; KeySet = $context.ApiKeySet; Session = $context.SessionUuid; Sent = $sent; Listed = $listed }
            }
        }
        finally {
            $env:GPTTRAINER_API_KEY = $saved
        }

        $results[0].Runspace | Should -Be $results[1].Runspace -Because 'the runspace really was reused'
        $results[0].KeySet | Should -BeTrue
        $results[0].Session | Should -Not -BeNullOrEmpty
        $results[1].KeySet | Should -BeFalse
        $results[1].Session | Should -BeNullOrEmpty
        $results[0].Sent | Should -Be 'sent'
        $results[1].Sent | Should -BeLike 'NotConnected,*' -Because 'the missing connection is reported before the missing session'
        $results[1].Listed | Should -BeLike 'NotConnected,*'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 1
    }
}
