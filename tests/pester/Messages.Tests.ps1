BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Messages beyond streaming' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Message bot'
        $session = $bot | New-GptTrainerSession
    }

    It 'sends without streaming through the non-stream endpoint' {
        $null = New-GptTrainerDataSource -Question 'Is the reply in one piece or several?' -Answer 'Without streaming the reply comes in one piece.'
        Complete-GptTrainerEmulatorProcessing $emulator
        $reply = @(Send-GptTrainerMessage -Query 'Does the reply come in one piece?' -NoStream -PassThru)
        $sent = Get-SentRequest $emulator "/api/v1/session/$($session.SessionUuid)/message/non-stream" POST
        $sent.Json.query | Should -Be 'Does the reply come in one piece?'
        @(Get-EmulatorRequest $emulator -PathLike '*/message/stream').Count | Should -Be 0

        $reply.Count | Should -Be 2
        $reply[0] | Should -BeOfType ([string])
        $reply[0] | Should -BeExactly 'Without streaming the reply comes in one piece.'
        $reply[1].Response | Should -BeExactly $reply[0]
    }

    It 'uploads session documents and sends their uuids with the question' {
        # The service ignores session documents unless the answering agent's model has 16k of context.
        $null = Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'General Q&A' | Set-GptTrainerAgent -Model gpt-4o-mini-16k
        $doc = Join-Path $work 'contract.txt'
        Set-Content -Path $doc -Value 'The contract ends on 31 March.', '', 'Notice must be given in writing.'
        $replies = @('When does the contract end?', 'How is notice given?' | Send-GptTrainerMessage -DocumentPath $doc)

        $uploads = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/session-document/upload')
        $uploads.Count | Should -Be 1 -Because 'documents are uploaded once for all piped questions'
        $uploads[0].form.filename | Should -Be 'contract.txt'
        $uploads[0].form.'file:file'.fileName | Should -Be 'contract.txt'
        $asked = @(Get-EmulatorRequest $emulator -PathLike '*/message/non-stream')
        $asked.Count | Should -Be 2
        $documentUuid = ($asked[0].body | ConvertFrom-Json).session_document_uuids
        @($documentUuid).Count | Should -Be 1
        ($asked[1].body | ConvertFrom-Json).session_document_uuids | Should -Be $documentUuid

        $replies | Should -Be @('The contract ends on 31 March.', 'Notice must be given in writing.')
    }

    It 'uploads a session document whose name holds a double quote or a line break under that very name' {
        $null = Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'General Q&A' | Set-GptTrainerAgent -Model gpt-4o-mini-16k
        $names = @("terms `"final`".txt", "notes`nsecond line.txt")
        $docs = foreach ($name in $names) {
            $doc = Join-Path $work $name
            [System.IO.File]::WriteAllText($doc, "The document named $name.")
            $doc
        }

        $reply = Send-GptTrainerMessage -Query 'What is the document named?' -DocumentPath $docs -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 0
        $uploads = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/session-document/upload')
        $uploads.ForEach({ $_.form.filename }) | Should -BeExactly $names
        $uploads.ForEach({ $_.form.'file:file'.fileName }) | Should -BeExactly $names
        @(Get-EmulatorRequest $emulator -PathLike '*/message/non-stream').Count | Should -Be 1
        $reply | Should -Match 'The document named terms "final"\.txt\.'
    }

    It 'refuses a missing document before any request' {
        Clear-EmulatorRequest $emulator
        Send-GptTrainerMessage -Query 'x' -DocumentPath (Join-Path $work 'nope.pdf') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'reads the session transcript as plain text' {
        'first question', 'second question' | Send-GptTrainerMessage -NoStream | Out-Null
        $transcript = Get-GptTrainerTranscript
        (Get-SentRequest $emulator "/api/v1/session/$($session.SessionUuid)/messages/plain-text" GET).method | Should -Be 'GET'
        $transcript | Should -BeOfType ([string])
        $transcript | Should -Match 'first question'
        $transcript.IndexOf('first question') | Should -BeLessThan $transcript.IndexOf('second question')
    }

    It 'removes one message through the single endpoint' {
        'keep', 'drop' | Send-GptTrainerMessage -NoStream | Out-Null
        $drop = Get-GptTrainerMessage | Where-Object Query -EQ 'drop'
        $drop | Remove-GptTrainerMessage -Confirm:$false
        (Get-SentRequest $emulator "/api/v1/message/$($drop.MessageUuid)/delete" POST).method | Should -Be 'POST'
        (Get-GptTrainerMessage).Query | Should -Be @('keep')
    }

    It 'removes many messages in one bulk request' {
        'a', 'b', 'c', 'd' | Send-GptTrainerMessage -NoStream | Out-Null
        Get-GptTrainerMessage | Where-Object Query -In 'a', 'b', 'c' | Remove-GptTrainerMessage -Confirm:$false
        $bulk = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/messages/delete')
        $bulk.Count | Should -Be 1
        ($bulk[0].body | ConvertFrom-Json).uuids.Count | Should -Be 3
        (Get-GptTrainerMessage).Query | Should -Be @('d')
    }

    It 'reads a list the service gives newest first oldest first, and takes the newest of a repeated question as its stored reply' {
        $old = '0123456789abcdef0123456789abcd01'
        $new = '0123456789abcdef0123456789abcd02'
        $newestFirst = "[{`"uuid`": `"$new`", `"query`": `"Same?`", `"response`": `"Second.`", `"created_at`": `"2026-11-26T10:00:05Z`"}, " +
            "{`"uuid`": `"$old`", `"query`": `"Same?`", `"response`": `"First.`", `"created_at`": `"2026-11-26T10:00:01Z`"}]"
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/messages$'; method = 'GET'; status = 200; body = $newestFirst; times = 2 }
        (Get-GptTrainerMessage).MessageUuid | Should -Be @($old, $new)
        (Send-GptTrainerMessage 'Same?' -AsMessage).MessageUuid | Should -Be $new
    }
}

Describe 'Session time filters' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Time bot'
        $old = $bot | New-GptTrainerSession
        $mid = $bot | New-GptTrainerSession
        $new = $bot | New-GptTrainerSession
        $null = Invoke-Emulator $emulator "sessions/$($old.SessionUuid)/created" -Method Post -Body @{ createdAt = '2025-07-01T10:00:00Z' }
        $null = Invoke-Emulator $emulator "sessions/$($mid.SessionUuid)/created" -Method Post -Body @{ createdAt = '2025-07-16T07:00:00Z' }
        $null = Invoke-Emulator $emulator "sessions/$($new.SessionUuid)/created" -Method Post -Body @{ createdAt = '2025-08-01T10:00:00Z' }
    }

    It 'sends [datetime] bounds in the API''s UTC millisecond format, inclusive' {
        $after = [datetime]::new(2025, 7, 16, 7, 0, 0, [DateTimeKind]::Utc)
        $before = [datetime]::new(2025, 7, 24, 6, 59, 59, [DateTimeKind]::Utc)
        $found = @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -CreatedAfter $after -CreatedBefore $before)

        (Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/sessions" GET).query | Should -Be '?start_timestamp=2025-07-16T07%3A00%3A00.000Z&end_timestamp=2025-07-24T06%3A59%3A59.000Z'
        $found.SessionUuid | Should -Be @($mid.SessionUuid)
    }

    It 'converts local times to UTC' {
        $localAfter = [datetime]::new(2025, 7, 20, 0, 0, 0, [DateTimeKind]::Utc).ToLocalTime()
        $found = @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -CreatedAfter $localAfter)
        (Get-SentRequest $emulator '*/sessions' GET).query | Should -Be '?start_timestamp=2025-07-20T00%3A00%3A00.000Z'
        $found.SessionUuid | Should -Be @($new.SessionUuid)
    }

    It 'lists the sessions of chatbots piped by name, ready for removal' {
        Clear-EmulatorRequest $emulator
        Get-GptTrainerChatbot -Name 'Time*' | Get-GptTrainerSession | Remove-GptTrainerSession -WhatIf
        @(Get-EmulatorRequest $emulator -Method POST).Count | Should -Be 0
        @(Get-GptTrainerChatbot -Name 'Time*' | Get-GptTrainerSession).Count | Should -Be 3
    }
}
