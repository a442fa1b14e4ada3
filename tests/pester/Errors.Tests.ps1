BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'HTTP failures become error records' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'maps <Status> to <Category> with the status and the server''s message in the text' -ForEach @(
        @{ Status = 400; Category = 'InvalidArgument' }
        @{ Status = 401; Category = 'AuthenticationError' }
        @{ Status = 403; Category = 'PermissionDenied' }
        @{ Status = 404; Category = 'ObjectNotFound' }
        @{ Status = 422; Category = 'InvalidArgument' }
        @{ Status = 429; Category = 'LimitsExceeded' }
        @{ Status = 500; Category = 'ConnectionError' }
        @{ Status = 502; Category = 'ConnectionError' }
        @{ Status = 503; Category = 'ConnectionError' }
    ) {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/chatbots$'; status = $Status; body = "{`"msg`": `"emulated refusal $Status`"}" }

        Get-GptTrainerChatbot -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "Http$Status,GptTrainer.Commands.GetGptTrainerChatbotCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].Exception.Message | Should -Match "answered $Status"
        $err[0].Exception.Message | Should -Match "GET /api/v1/chatbots: emulated refusal $Status"
        $err[0].Exception.StatusCode | Should -Be $Status
    }

    It 'reports a wrong key as an authentication error from the service' {
        Connect-GptTrainer -ApiKey 'definitely-the-wrong-key' -BaseUri $emulator.Uri -SkipCheck
        Get-GptTrainerChatbot -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -Match 'Invalid API key'
    }

    It 'reports an unknown uuid as not found, with the uuid as target' {
        $unknown = [guid]::NewGuid().ToString('N')
        Get-GptTrainerChatbot -ChatbotUuid $unknown -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $unknown
        $err[0].Exception.Message | Should -Match 'not found'
    }

    It 'reports a refused stream request without writing any piece' {
        $bot = New-TestChatbot $emulator
        $null = New-GptTrainerSession -ChatbotUuid $bot.uuid
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 500; body = 'upstream model failed' }

        $pieces = @(Send-GptTrainerMessage -Query 'hello' -ErrorVariable err -ErrorAction SilentlyContinue)

        $pieces.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http500,*'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].Exception.Message | Should -Match 'upstream model failed'
        $err[0].TargetObject | Should -Be 'hello'
    }

    It 'reports an unreachable service as a connection error' {
        $port = Get-FreeLoopbackPort
        Connect-GptTrainer -ApiKey 'any-key-1234567890' -BaseUri "http://127.0.0.1:$port" -SkipCheck
        Get-GptTrainerChatbot -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].Exception.Message | Should -Match "127.0.0.1:$port"
    }

    It 'rejects a malformed uuid before any request' {
        $null = Invoke-Emulator $emulator 'requests' -Method Delete
        Get-GptTrainerChatbot -ChatbotUuid 'not-a-uuid' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUuid,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be 'not-a-uuid'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'accepts a dashed GUID and sends the API''s 32-hex form' {
        $bot = New-TestChatbot $emulator -Name 'Dashed'
        $dashed = ([guid]$bot.uuid).ToString('D').ToUpperInvariant()
        (Get-GptTrainerChatbot -ChatbotUuid $dashed).Name | Should -Be 'Dashed'
        (Get-EmulatorRequest $emulator -Method GET)[-1].path | Should -Be "/api/v1/chatbot/$($bot.uuid)"
    }
}
