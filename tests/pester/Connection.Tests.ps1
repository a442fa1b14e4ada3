BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Connect-GptTrainer and the module context' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Disconnect-GptTrainer
        $savedKey, $savedUrl = $env:GPTTRAINER_API_KEY, $env:GPTTRAINER_BASE_URL
        $env:GPTTRAINER_API_KEY = $null
        $env:GPTTRAINER_BASE_URL = $null
    }

    AfterEach {
        $env:GPTTRAINER_API_KEY, $env:GPTTRAINER_BASE_URL = $savedKey, $savedUrl
    }

    It 'stores the key and base URI and shows only a masked key' {
        $context = Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -PassThru

        $context | Should -BeOfType ([GptTrainer.Models.Context])
        $context.ApiKeySet | Should -BeTrue
        $context.BaseUri | Should -Be ([uri]$emulator.Uri)
        $context.ApiRoot | Should -Be ([uri]"$($emulator.Uri)/api/v1/")
        $context.MaskedApiKey | Should -Be ('********' + $emulator.ApiKey.Substring($emulator.ApiKey.Length - 4))
        ($context | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
    }

    It 'takes the key as a SecureString too' {
        $secure = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
        Connect-GptTrainer -ApiKey $secure -BaseUri $emulator.Uri
        @(Get-GptTrainerChatbot).Count | Should -Be 0
        (Get-EmulatorRequest $emulator -PathLike '*/chatbots')[-1].authorizationValid | Should -BeTrue
    }

    It 'accepts a base URI that already ends in /api/v1' {
        $null = New-TestChatbot $emulator -Name 'Suffix bot'
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri "$($emulator.Uri)/api/v1/"
        (Get-GptTrainerChatbot).Name | Should -Be 'Suffix bot'
        (Get-EmulatorRequest $emulator -PathLike '*/chatbots')[-1].path | Should -Be '/api/v1/chatbots'
    }

    It 'defaults the base URI to the public service' {
        $context = Connect-GptTrainer -ApiKey 'not-a-real-key-0000' -SkipCheck -PassThru
        $context.BaseUri | Should -Be ([uri]'https://app.gpt-trainer.com')
        $context.ApiRoot | Should -Be ([uri]'https://app.gpt-trainer.com/api/v1/')
    }

    It 'falls back to GPTTRAINER_API_KEY and GPTTRAINER_BASE_URL when not connected' {
        $null = New-TestChatbot $emulator -Name 'Env bot'
        $env:GPTTRAINER_API_KEY = $emulator.ApiKey
        $env:GPTTRAINER_BASE_URL = $emulator.Uri

        (Get-GptTrainerChatbot).Name | Should -Be 'Env bot'
        $context = Get-GptTrainerContext
        $context.KeySource | Should -Be 'GPTTRAINER_API_KEY environment variable'
        $context.BaseUri | Should -Be ([uri]$emulator.Uri)
    }

    It 'uses the environment variables for Connect-GptTrainer without -ApiKey' {
        $env:GPTTRAINER_API_KEY = $emulator.ApiKey
        $env:GPTTRAINER_BASE_URL = $emulator.Uri
        $context = Connect-GptTrainer -PassThru
        $context.ApiKeySet | Should -BeTrue
        $context.BaseUri | Should -Be ([uri]$emulator.Uri)
    }

    It 'says how to connect when there is no key anywhere' {
        # Terminating: without a connection no item of a pipeline could succeed.
        $thrown = { Get-GptTrainerChatbot -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,GptTrainer.Commands.GetGptTrainerChatbotCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'Connect-GptTrainer'
        $thrown.Exception.Message | Should -Match 'GPTTRAINER_API_KEY'
        (Get-GptTrainerContext).ApiKeySet | Should -BeFalse
    }

    It 'rejects <Case> before any request' -ForEach @(
        @{ Case = 'an empty key'; Arguments = @{ ApiKey = '' }; Id = 'EmptyApiKey' }
        @{ Case = 'a blank key'; Arguments = @{ ApiKey = '   ' }; Id = 'EmptyApiKey' }
        @{ Case = 'a relative base URI'; Arguments = @{ ApiKey = 'k'; BaseUri = 'api/v1' }; Id = 'InvalidBaseUri' }
        @{ Case = 'an ftp base URI'; Arguments = @{ ApiKey = 'k'; BaseUri = 'ftp://example.org' }; Id = 'InvalidBaseUri' }
        @{ Case = 'plain http to another host'; Arguments = @{ ApiKey = 'k'; BaseUri = 'http://example.org' }; Id = 'InvalidBaseUri' }
    ) {
        { Connect-GptTrainer @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$Id,GptTrainer.Commands.ConnectGptTrainerCommand"
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'allows plain http to another host only with -AllowUnencryptedAuthentication' {
        $context = Connect-GptTrainer -ApiKey 'k-123456789012345' -BaseUri 'http://gpt-trainer.internal.example' -AllowUnencryptedAuthentication -SkipCheck -PassThru
        $context.BaseUri | Should -Be ([uri]'http://gpt-trainer.internal.example')
    }

    It 'forgets everything on Disconnect-GptTrainer' {
        Connect-TestEmulator $emulator
        $bot = New-TestChatbot $emulator
        $null = New-GptTrainerSession -ChatbotUuid $bot.uuid
        Disconnect-GptTrainer
        $context = Get-GptTrainerContext
        $context.ApiKeySet | Should -BeFalse
        $context.SessionUuid | Should -BeNullOrEmpty
        $context.ChatbotUuid | Should -BeNullOrEmpty
    }
}

Describe 'Per-runspace module state' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        $bot = New-TestChatbot $emulator
        # Each runspace asks about a room of its own, so its reply shows whose question was answered.
        $passwords = 'amber', 'basil', 'cedar', 'dune', 'ember', 'fern'
        foreach ($n in 1..6) {
            $null = Invoke-Emulator $emulator "chatbot/$($bot.uuid)/data-source/qa" -Api -Method Post -Body @{ question = "What is the password of room $($n)?"; answer = "Room $n has the password $($passwords[$n - 1])." }
        }
        Complete-GptTrainerEmulatorProcessing $emulator
    }

    It 'gives every parallel runspace its own current session' {
        Connect-TestEmulator $emulator
        $mine = New-GptTrainerSession -ChatbotUuid $bot.uuid

        $results = 1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
            Import-Module $using:ModuleManifest
            Connect-GptTrainer -ApiKey ($using:emulator).ApiKey -BaseUri ($using:emulator).Uri
            $session = New-GptTrainerSession -ChatbotUuid ($using:bot).uuid
            $reply = Send-GptTrainerMessage -Query "What is the password of room $($_)?" -Raw
            [pscustomobject]@{
                Number  = $_
                Created = $session.SessionUuid
                Current = (Get-GptTrainerContext).SessionUuid
                Reply   = $reply
                Stored  = @(Get-GptTrainerMessage).Query
            }
        }

        $results.Count | Should -Be 6
        @($results.Created | Sort-Object -Unique).Count | Should -Be 6
        foreach ($r in $results) {
            $r.Current | Should -Be $r.Created
            $r.Reply | Should -BeExactly "Room $($r.Number) has the password $($passwords[$r.Number - 1])."
            $r.Stored | Should -Be @("What is the password of room $($r.Number)?")
        }

        (Get-GptTrainerContext).SessionUuid | Should -Be $mine.SessionUuid
        $results.Created | Should -Not -Contain $mine.SessionUuid
    }
}
