BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Invoke-GptTrainerApi' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'GETs a path relative to the API root and writes JSON arrays item by item as objects' {
        $null = New-TestChatbot $emulator -Name 'Raw one'
        $null = New-TestChatbot $emulator -Name 'Raw two'
        $bots = @(Invoke-GptTrainerApi chatbots)

        (Get-SentRequest $emulator '/api/v1/chatbots' GET).path | Should -Be '/api/v1/chatbots'
        $bots.Count | Should -Be 2
        $bots[0] | Should -BeOfType ([pscustomobject])
        $bots.name | Sort-Object | Should -Be @('Raw one', 'Raw two')
        $bots[0].meta.visibility | Should -Be 'private'
    }

    It 'POSTs a hashtable body as JSON and writes the answer' {
        $tag = Invoke-GptTrainerApi -Method POST -Path 'chatbot/create' -Body @{ name = 'Made raw'; show_citations = $true }
        $sent = Get-SentRequest $emulator '/api/v1/chatbot/create' POST
        $sent.contentType | Should -BeLike 'application/json*'
        $sent.Json.name | Should -Be 'Made raw'
        $sent.Json.show_citations | Should -BeTrue
        $tag.name | Should -Be 'Made raw'
        (Get-GptTrainerChatbot -Name 'Made raw').ChatbotUuid | Should -Be $tag.uuid
    }

    It 'sends a JSON string body as it is' {
        $bot = New-TestChatbot $emulator
        $null = Invoke-GptTrainerApi -Method POST -Path "chatbot/$($bot.uuid)/update" -Body '{"name":"Renamed by text"}'
        (Get-SentRequest $emulator "*/update" POST).body | Should -BeExactly '{"name":"Renamed by text"}'
        (Get-GptTrainerChatbot -ChatbotUuid $bot.uuid).Name | Should -Be 'Renamed by text'
    }

    It 'streams a reply piece by piece with -Stream, exactly as stored' {
        $bot = New-TestChatbot $emulator
        $session = New-TestSession $emulator $bot.uuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ sessionUuid = $session.uuid; holdAfterPieces = 1 }
        $heldWhenFirstPieceArrived = $null
        $pieces = Invoke-GptTrainerApi -Method POST -Path "session/$($session.uuid)/message/stream" -Body @{ query = 'raw stream' } -Stream | ForEach-Object {
            if ($null -eq $heldWhenFirstPieceArrived) {
                $heldWhenFirstPieceArrived = (Invoke-Emulator $emulator 'stats').streamsHeld
                $null = Invoke-Emulator $emulator 'release' -Method Post
            }
            $_
        }

        $heldWhenFirstPieceArrived | Should -Be 1
        $pieces.Count | Should -BeGreaterThan 1
        (-join $pieces) | Should -BeExactly (Get-GptTrainerMessage -SessionUuid $session.uuid).Response
    }

    It 'joins a streamed reply with -Stream -Raw' {
        $bot = New-TestChatbot $emulator
        $session = New-TestSession $emulator $bot.uuid
        $reply = @(Invoke-GptTrainerApi -Method POST -Path "session/$($session.uuid)/message/stream" -Body @{ query = 'joined' } -Stream -Raw)
        $reply.Count | Should -Be 1
        $reply[0] | Should -BeExactly (Get-GptTrainerMessage -SessionUuid $session.uuid).Response
    }

    It 'reaches an endpoint outside /api/v1 with a path from the service root' {
        $bot = New-TestChatbot $emulator
        $source = Invoke-Emulator $emulator "chatbot/$($bot.uuid)/data-source/qa" -Api -Method Post -Body @{ question = 'Q?'; answer = 'A.' }
        $results = @(Invoke-GptTrainerApi -Method POST -Path '/api/data-sources/restart' -Body @{ uuids = @($source.uuid) })

        (Get-SentRequest $emulator '/api/data-sources/restart' POST).Json.uuids | Should -Be @($source.uuid)
        $results[0].uuid | Should -Be $source.uuid
        $results[0].status | Should -Be 'queued'
    }

    It 'accepts a full URL on the connected service' {
        $null = New-TestChatbot $emulator -Name 'By URL'
        (Invoke-GptTrainerApi "$($emulator.Uri)/api/v1/chatbots").name | Should -Be 'By URL'
    }

    It 'writes a text answer as its text, and any answer unparsed with -Raw' {
        $bot = New-TestChatbot $emulator
        Connect-TestEmulator $emulator
        $null = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Send-GptTrainerMessage 'for the transcript' -NoStream
        $session = (Get-GptTrainerContext).SessionUuid
        $transcript = Invoke-GptTrainerApi "session/$session/messages/plain-text"
        $transcript | Should -BeOfType ([string])
        $transcript | Should -Match 'for the transcript'

        $raw = Invoke-GptTrainerApi "chatbot/$($bot.uuid)" -Raw
        $raw | Should -BeOfType ([string])
        ($raw | ConvertFrom-Json).uuid | Should -Be $bot.uuid
    }

    It 'retries a refused request like every cmdlet, honouring Retry-After' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 429; retryAfter = '0' }
        $verbose = Invoke-GptTrainerApi chatbots -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'attempt 1 of 5 got 429'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 2
    }

    It 'never sends a POST again after a 502' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbot/create$'; status = 502 }
        Invoke-GptTrainerApi -Method POST -Path 'chatbot/create' -Body @{ name = 'once' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'Http502,GptTrainer.Commands.InvokeGptTrainerApiCommand'
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbot/create').Count | Should -Be 1
    }

    It 'turns a refusal into an error record with the status, category, server message and path as target' {
        $unknown = [guid]::NewGuid().ToString('N')
        Invoke-GptTrainerApi "chatbot/$unknown" -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'Http404,GptTrainer.Commands.InvokeGptTrainerApiCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match 'not found'
        $err[0].TargetObject | Should -Be "chatbot/$unknown"
    }

    It 'reports a JSON answer that does not parse as an unexpected answer' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = 200; body = '{"truncated": ' }
        Invoke-GptTrainerApi chatbots -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnexpectedAnswer,GptTrainer.Commands.InvokeGptTrainerApiCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $err[0].Exception.Message | Should -Match 'truncated'
    }

    It 'goes on with the next piped path after one fails' {
        $null = New-TestChatbot $emulator -Name 'Still listed'
        $out = @("chatbot/$('0' * 32)", 'chatbots' | Invoke-GptTrainerApi -ErrorVariable err -ErrorAction SilentlyContinue)
        $err.Count | Should -Be 1
        $out.name | Should -Be @('Still listed')
    }

    It 'never shows the API key on any stream' {
        $key = $emulator.ApiKey
        $all = & {
            Invoke-GptTrainerApi chatbots -Verbose -Debug
            Invoke-GptTrainerApi ('chatbot/' + ('0' * 32)) -Verbose -Debug
            Invoke-GptTrainerApi -Method POST -Path 'chatbot/create' -Body @{ name = 'redacted' } -Verbose -Debug
        } *>&1 | Out-String -Width 4096
        $all | Should -Match 'not found'
        $all | Should -Not -Match ([regex]::Escape($key))
        $all | Should -Not -Match 'Bearer '
        (Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots')[-1].authorizationValid | Should -BeTrue
    }

    It 'refuses <Case> before any request' -ForEach @(
        @{ Case = 'an empty path'; Arguments = @{ Path = '' }; Id = 'InvalidApiPath' }
        @{ Case = 'a blank path'; Arguments = @{ Path = '   ' }; Id = 'InvalidApiPath' }
        @{ Case = 'a URL to another host'; Arguments = @{ Path = 'https://example.org/api/v1/chatbots' }; Id = 'InvalidApiPath' }
        @{ Case = 'a protocol-relative URL'; Arguments = @{ Path = '//example.org/api/v1/chatbots' }; Id = 'InvalidApiPath' }
        @{ Case = 'a path climbing out with ..'; Arguments = @{ Path = '../../../etc/passwd' }; Id = 'InvalidApiPath' }
        @{ Case = 'a path with an escaped ..'; Arguments = @{ Path = 'chatbot/%2e%2e/%2E%2E/x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a path with a backslash'; Arguments = @{ Path = 'chatbot\..\x' }; Id = 'InvalidApiPath' }
        # Only three forms are taken: a path from the API root, one from the service root, and a full http(s)
        # URL on the connected service. Whatever else .NET would make a URI of is refused, not sent.
        @{ Case = 'a path with another scheme (unix:)'; Arguments = @{ Path = 'unix:/api/v1/chatbots' }; Id = 'InvalidApiPath' }
        @{ Case = 'a scheme without slashes'; Arguments = @{ Path = 'https:evil.example/x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a bare scheme and path (x:y)'; Arguments = @{ Path = 'x:y' }; Id = 'InvalidApiPath' }
        @{ Case = 'http: with one slash'; Arguments = @{ Path = 'http:/api/v1/chatbots' }; Id = 'InvalidApiPath' }
        @{ Case = 'a mailto: address'; Arguments = @{ Path = 'mailto:someone@evil.example' }; Id = 'InvalidApiPath' }
        @{ Case = 'a file: URL'; Arguments = @{ Path = 'file:///etc/passwd' }; Id = 'InvalidApiPath' }
        @{ Case = 'an ftp: URL'; Arguments = @{ Path = 'ftp://evil.example/x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a drive letter with a slash'; Arguments = @{ Path = 'C:/x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a drive letter with a backslash'; Arguments = @{ Path = 'C:\x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a UNC path'; Arguments = @{ Path = '\\evil\x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a protocol-relative URL to any host'; Arguments = @{ Path = '//evil.example/x' }; Id = 'InvalidApiPath' }
        @{ Case = 'three leading slashes'; Arguments = @{ Path = '///evil.example/x' }; Id = 'InvalidApiPath' }
        @{ Case = 'a .. behind escaped slashes'; Arguments = @{ Path = 'chatbot/%2e%2e%2f%2E%2E%2Fx' }; Id = 'InvalidApiPath' }
        @{ Case = 'a body on a GET'; Arguments = @{ Path = 'chatbots'; Body = @{ a = 1 } }; Id = 'BodyNotAllowed' }
        @{ Case = 'a string body that is not JSON'; Arguments = @{ Path = 'chatbot/create'; Method = 'POST'; Body = '{name: oops' }; Id = 'InvalidBody' }
    ) {
        Clear-EmulatorRequest $emulator
        Invoke-GptTrainerApi @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "$Id,GptTrainer.Commands.InvokeGptTrainerApiCommand"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $offending = if ($Arguments.ContainsKey('Body')) { $Arguments.Body } else { $Arguments.Path }
        $err[0].TargetObject | Should -Be $offending -Because 'the offending value is the target'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'refuses a URL on the connected service that names a user, before any request' {
        Clear-EmulatorRequest $emulator
        $url = "http://someone@$(([uri]$emulator.Uri).Authority)/api/v1/chatbots"
        Invoke-GptTrainerApi $url -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidApiPath,GptTrainer.Commands.InvokeGptTrainerApiCommand'
        $err[0].TargetObject | Should -Be $url
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'takes a colon where it makes no scheme: after the first segment, or in a path from the service root' {
        $null = New-TestChatbot $emulator -Name 'Colons'
        (Invoke-GptTrainerApi 'chatbots?at=10:30').name | Should -Be 'Colons'
        (Invoke-GptTrainerApi '/api/v1/chatbots?at=10:30').name | Should -Be 'Colons'
        Invoke-GptTrainerApi "chatbot/$('0' * 32):x" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http404,*'
        $sent = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbot*' -Method GET)
        $sent.ForEach({ $_.path + $_.query }) | Should -Be @('/api/v1/chatbots?at=10:30', '/api/v1/chatbots?at=10:30', "/api/v1/chatbot/$('0' * 32):x")
    }

    It 'asks before anything but a GET: -WhatIf sends nothing, a GET is sent regardless' {
        Clear-EmulatorRequest $emulator
        Invoke-GptTrainerApi -Method DELETE -Path ('chatbot/' + ('1' * 32) + '/delete') -WhatIf
        Get-EmulatorRequestCount $emulator | Should -Be 0
        $null = Invoke-GptTrainerApi chatbots -WhatIf
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
    }
}
