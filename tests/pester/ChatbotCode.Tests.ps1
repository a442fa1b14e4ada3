# Issue 22: chatbot as code. Export-, Import-, Copy- and Compare-GptTrainerChatbot as users call them, against
# the emulator, judged by what the emulator holds and by its request log, not by what the cmdlets say.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
    $knowledge = Join-Path $work 'knowledge'
    $null = New-Item -ItemType Directory -Path (Join-Path $knowledge 'guides') -Force
    Set-Content -Path (Join-Path $knowledge 'guides/install.md') -Value 'Place the anvil on a flat floor.'
    $secretVariable = 'GPTTRAINER_SECRET_SUPPORT_LOOKUP_ORDER_AUTHORIZATION'

    function New-StagingChatbot {
        <# A chatbot with something of every kind: settings, Q&A, a page, a synced file, a tag, agents, a tool function with a key. #>
        $bot = New-GptTrainerChatbot -Name 'Staging' -Visibility public -ShowCitations
        $ship = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Do you ship abroad?' -Answer "Yes.`nTo 30 countries."
        $help = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Url 'https://example.org/help'
        $null = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $knowledge -Recurse -InformationAction Ignore
        $null = New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name 'Shipping' -Color '#088F8F' -DataSourceUuid $ship.DataSourceUuid, $help.DataSourceUuid
        $agent = Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid
        $agent | Set-GptTrainerAgent -Name 'Support' -Prompt "You answer shipping questions.`nBe brief." -DataSourceUuid $ship.DataSourceUuid
        $null = Invoke-Emulator $emulator "agent/$($agent.AgentUuid)/function/create" -Api -Method Post -Body @{
            name = 'lookup_order'; external_url = 'https://shop.example/orders'; method = 'POST'; headers = @{ Authorization = 'Bearer s3cret' }
        }
        $null = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Tagger' -Type background
        $bot
    }

    function Get-Write { @(Get-EmulatorRequest $emulator | Where-Object method -NE 'GET') }

    function Export-Staging([string] $Name) {
        $folder = Join-Path $work ([guid]::NewGuid().ToString('N')) $Name
        $null = Export-GptTrainerChatbot -ChatbotUuid $staging.ChatbotUuid -Path $folder
        $folder
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    Remove-Item "Env:$secretVariable" -ErrorAction SilentlyContinue
}

Describe 'Chatbot as code' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $staging = New-StagingChatbot
        Set-Item "Env:$secretVariable" -Value 'Bearer s3cret'
        Clear-EmulatorRequest $emulator
    }

    It 'exports, imports into a new chatbot with the files, and finds no difference' {
        $folder = Export-Staging 'staging'

        $steps = @(Import-GptTrainerChatbot -Path $folder -Name 'Production' -SourcePath $knowledge -InformationAction Ignore)
        $production = $steps[0].Uuid

        $steps.Outcome | Sort-Object -Unique | Should -Be 'Done'
        Compare-GptTrainerChatbot $production -Path $folder | Should -BeNullOrEmpty
        Compare-GptTrainerChatbot $production -ReferenceChatbotUuid $staging.ChatbotUuid | Should -BeNullOrEmpty
        # Read from the emulator itself: the service's own agent became Support, and the file was uploaded again.
        (Invoke-Emulator $emulator "chatbot/$production/agents" -Api).name | Sort-Object | Should -Be @('Support', 'Tagger')
        (Invoke-Emulator $emulator "chatbot/$production/data-sources" -Api | Where-Object type -EQ upload).file_name | Should -Match '^guides\+install\.gtsync-'
        ((Invoke-Emulator $emulator "chatbot/$production/agents" -Api | Where-Object name -EQ Support).tool_functions.headers.Authorization) | Should -Be 'Bearer s3cret'
    }

    It 'writes the same bytes when exported twice, and no file at all the second time' {
        $folder = Export-Staging 'staging'
        $before = Get-ChildItem $folder | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Hash = (Get-FileHash $_.FullName).Hash; Written = $_.LastWriteTimeUtc } }

        $again = Export-GptTrainerChatbot -ChatbotUuid $staging.ChatbotUuid -Path $folder

        $again.Changed | Should -BeNullOrEmpty
        $after = Get-ChildItem $folder | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Hash = (Get-FileHash $_.FullName).Hash; Written = $_.LastWriteTimeUtc } }
        ($after | ConvertTo-Json) | Should -Be ($before | ConvertTo-Json)
        @(Get-Write).Count | Should -Be 0
    }

    It 'writes secrets as placeholders, and refuses an import whose variable is not set before any request' {
        $folder = Export-Staging 'staging'
        Get-Content -Raw (Join-Path $folder 'agents.json') | Should -Not -Match 's3cret'
        Get-Content -Raw (Join-Path $folder 'agents.json') | Should -Match ([regex]::Escape("`"`${env:$secretVariable}`""))
        Remove-Item "Env:$secretVariable"
        Clear-EmulatorRequest $emulator

        Import-GptTrainerChatbot -Path $folder -Name 'Production' -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotSet,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match $secretVariable
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'plans with -WhatIf, each change with its property and both values, and sends nothing but reads' {
        $folder = Export-Staging 'staging'
        Set-Content (Join-Path $folder 'chatbot.json') ((Get-Content -Raw (Join-Path $folder 'chatbot.json')) -replace '"public"', '"hybrid"') -NoNewline
        Clear-EmulatorRequest $emulator

        $plan = @(Import-GptTrainerChatbot -Path $folder -WhatIf -InformationAction Ignore)

        @(Get-Write).Count | Should -Be 0
        $plan.Count | Should -Be 1
        ($plan[0].Outcome, $plan[0].Action, $plan[0].Property, $plan[0].OldValue, $plan[0].NewValue) | Should -Be @('Planned', 'Change', 'visibility', 'public', 'hybrid')
        (Invoke-Emulator $emulator "chatbot/$($staging.ChatbotUuid)" -Api).meta.visibility | Should -Be 'public'
    }

    It 'sends no write when the same folder is imported twice' {
        $folder = Export-Staging 'staging'
        $production = (Import-GptTrainerChatbot -Path $folder -Name 'Production' -SourcePath $knowledge -InformationAction Ignore)[0].Uuid
        Clear-EmulatorRequest $emulator

        $second = @(Import-GptTrainerChatbot -Path $folder -ChatbotUuid $production -Mode Mirror -SourcePath $knowledge -InformationAction Ignore)

        $second | Should -BeNullOrEmpty
        @(Get-Write).Count | Should -Be 0
    }

    It 'removes what the files lack with -Mode Mirror, and keeps it with Merge' {
        $folder = Export-Staging 'staging'
        $extra = New-GptTrainerSourceTag -ChatbotUuid $staging.ChatbotUuid -Name 'Extra' -Color '#000000'
        $question = New-GptTrainerDataSource -ChatbotUuid $staging.ChatbotUuid -Question 'Extra?' -Answer 'Yes.'
        Clear-EmulatorRequest $emulator

        $merge = @(Import-GptTrainerChatbot -Path $folder -ChatbotUuid $staging.ChatbotUuid -Force -InformationAction Ignore)
        $merge | Should -BeNullOrEmpty
        @(Get-Write).Count | Should -Be 0

        $mirror = @(Import-GptTrainerChatbot -Path $folder -ChatbotUuid $staging.ChatbotUuid -Mode Mirror -Force -InformationAction Ignore)

        ($mirror | ForEach-Object { "$($_.Outcome) $($_.Action) $($_.Item)" } | Sort-Object) | Should -Be @('Done Remove Extra', 'Done Remove qa: Extra?')
        @(Get-EmulatorRequest $emulator -Method DELETE).path | Should -Be @("/api/v1/source-tag/$($extra.SourceTagUuid)/delete")
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/data-source/*/delete' -Method POST).path | Should -Be @("/api/v1/data-source/$($question.DataSourceUuid)/delete")
        Compare-GptTrainerChatbot -Path $folder | Should -BeNullOrEmpty
    }

    It 'refuses to import into its origin after it changed, naming the change, and imports with -Force' {
        $folder = Export-Staging 'staging'
        Set-Content (Join-Path $folder 'chatbot.json') ((Get-Content -Raw (Join-Path $folder 'chatbot.json')) -replace '"public"', '"hybrid"') -NoNewline
        $null = New-GptTrainerDataSource -ChatbotUuid $staging.ChatbotUuid -Question 'Added in the web app?' -Answer 'Yes.'
        Clear-EmulatorRequest $emulator

        { Import-GptTrainerChatbot -Path $folder -ErrorAction Stop } | Should -Throw -ErrorId 'ChangedSinceExport,*' -ExpectedMessage '*4 data sources where the export has 3*-Force*'
        @(Get-Write).Count | Should -Be 0

        $forced = @(Import-GptTrainerChatbot -Path $folder -Force -InformationAction Ignore)
        $forced.Property | Should -Be @('visibility')
        (Invoke-Emulator $emulator "chatbot/$($staging.ChatbotUuid)" -Api).meta.visibility | Should -Be 'hybrid'
    }

    It 'reports a failure part-way as an error and as objects, goes no further, and removes nothing' {
        $folder = Export-Staging 'staging'
        $target = New-GptTrainerChatbot -Name 'Target'
        $null = New-GptTrainerSourceTag -ChatbotUuid $target.ChatbotUuid -Name 'Extra' -Color '#000000'
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/source-tag/create$'; status = 400; body = '{"error": "simulated"}' }
        Clear-EmulatorRequest $emulator

        $steps = @(Import-GptTrainerChatbot -Path $folder -ChatbotUuid $target.ChatbotUuid -Mode Mirror -InformationAction Ignore -ErrorVariable err -ErrorAction SilentlyContinue)

        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -Match 'simulated'
        ($steps | Where-Object Outcome -EQ Failed).Item | Should -Be 'Shipping'
        ($steps | Where-Object ItemType -EQ DataSource | Where-Object Action -EQ Create).Outcome | Sort-Object -Unique | Should -Be @('Done', 'NotCopied')
        ($steps | Where-Object Action -EQ Remove).Outcome | Sort-Object -Unique | Should -Be 'NotDone'
        ($steps | Where-Object ItemType -EQ Agent).Outcome | Sort-Object -Unique | Should -Be 'NotDone'
        @(Get-Write | Where-Object path -Like '*/delete').Count | Should -Be 0
        (Get-GptTrainerSourceTag -ChatbotUuid $target.ChatbotUuid).Name | Should -Be 'Extra'
    }

    It 'writes one difference per change made by hand, and nothing when they agree' {
        $folder = Export-Staging 'staging'
        Compare-GptTrainerChatbot -Path $folder | Should -BeNullOrEmpty
        Get-GptTrainerAgent -ChatbotUuid $staging.ChatbotUuid -Name 'Support' | Set-GptTrainerAgent -Temperature 0.5
        Get-GptTrainerSourceTag -ChatbotUuid $staging.ChatbotUuid | Remove-GptTrainerSourceTag -Confirm:$false
        Clear-EmulatorRequest $emulator

        $differences = @(Compare-GptTrainerChatbot -Path $folder)

        ($differences | ForEach-Object { "$($_.What) $($_.ItemType) $($_.Item) $($_.Property) $($_.Expected) $($_.Actual)".Trim() } | Sort-Object) |
            Should -Be @('Changed Agent Support temperature 0 0.5', 'Missing SourceTag Shipping')
        @(Get-Write).Count | Should -Be 0
    }

    It 'copies a chatbot into a new one' {
        $steps = @($staging | Copy-GptTrainerChatbot -Name 'Clone' -SourcePath $knowledge -InformationAction Ignore)

        $steps[0].ItemType | Should -Be 'Chatbot'
        (Get-GptTrainerChatbot -ChatbotUuid $steps[0].Uuid).Name | Should -Be 'Clone'
        Compare-GptTrainerChatbot $steps[0].Uuid -ReferenceChatbotUuid $staging.ChatbotUuid | Should -BeNullOrEmpty
    }
}

Describe 'Bad input is refused before any request' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $file = Join-Path $work 'not-a-folder.txt'
        Set-Content $file 'x'
    }

    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'refuses a folder with problems, listing each with its file and place' {
        $folder = Join-Path $work 'broken'
        $null = New-Item -ItemType Directory -Path $folder -Force
        Set-Content (Join-Path $folder 'agents.json') '[{"name": "A", "type": "robot"}]'

        Import-GptTrainerChatbot -Path $folder -ChatbotUuid ('a' * 32) -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidExportFolder,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].TargetObject | Should -Be $folder
        $err[0].Exception.Message | Should -Match 'origin\.json: is missing'
        $err[0].Exception.Message | Should -Match 'agents\.json at \[0\]\.type: must be one of user-facing'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It '<Command> refuses a -Path that <Case>' -ForEach @(
        @{ Command = 'Import-GptTrainerChatbot'; Case = 'is a file'; Path = { $file }; ErrorId = 'NotAFolder' }
        @{ Command = 'Compare-GptTrainerChatbot'; Case = 'does not exist'; Path = { Join-Path $work 'missing' }; ErrorId = 'FolderNotFound' }
        @{ Command = 'Export-GptTrainerChatbot'; Case = 'is a file'; Path = { $file }; ErrorId = 'NotAFolder'; ChatbotUuid = ('b' * 32) }
    ) {
        $with = @{ Path = (& $Path) }
        if ($ChatbotUuid) { $with.ChatbotUuid = $ChatbotUuid }
        & $Command @with -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'completes the chatbot parameters with the account''s chatbots' {
        $bot = New-GptTrainerChatbot -Name 'Completion bot'
        foreach ($line in 'Export-GptTrainerChatbot -ChatbotUuid ', 'Compare-GptTrainerChatbot -ReferenceChatbotUuid ', 'Copy-GptTrainerChatbot -ChatbotUuid ', 'Import-GptTrainerChatbot . -ChatbotUuid ') {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $bot.ChatbotUuid -Because $line
        }
    }
}
