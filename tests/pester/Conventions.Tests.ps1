# Issue 11: what an administrator at the prompt relies on, each case as a PowerShell user expects it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory

    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
    }

    # ShouldProcess writes -WhatIf and -Confirm text to the host, not to a stream; a transcript sees it.
    function Get-HostText([scriptblock] $Script) {
        $file = Join-Path $work "host-$([guid]::NewGuid().ToString('N')).txt"
        $null = Start-Transcript -Path $file -UseMinimalHeader
        try { $null = & $Script } finally { $null = Stop-Transcript }
        Get-Content -Raw $file
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Names come first, uuids still work' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $support = New-GptTrainerChatbot -Name 'Support EN'
        $sales = New-GptTrainerChatbot -Name 'Sales'
        $escalation = New-GptTrainerAgent -ChatbotUuid $support.ChatbotUuid -Name 'Escalation desk' -Type user-facing
    }

    It 'filters chatbots by a positional name' {
        @(Get-GptTrainerChatbot 'Support*').Name | Should -Be @('Support EN')
    }

    It 'still fetches a chatbot by a positional uuid, dashed or not' {
        (Get-GptTrainerChatbot $sales.ChatbotUuid).Name | Should -Be 'Sales'
        (Get-GptTrainerChatbot ([guid]$sales.ChatbotUuid).ToString()).Name | Should -Be 'Sales'
        (Get-EmulatorRequest $emulator -Method GET)[-1].path | Should -Be "/api/v1/chatbot/$($sales.ChatbotUuid)"
    }

    It 'takes names and uuids piped in as plain strings' {
        @('Sales', $support.ChatbotUuid | Get-GptTrainerChatbot).Name | Sort-Object | Should -Be @('Sales', 'Support EN')
    }

    It 'filters agents by a positional name under a given chatbot' {
        @(Get-GptTrainerAgent -ChatbotUuid $support.ChatbotUuid 'Esc*').AgentUuid | Should -Be @($escalation.AgentUuid)
    }

    It 'still reads a positional uuid as the chatbot of a list command, as before' {
        @(Get-GptTrainerAgent $support.ChatbotUuid).Name | Sort-Object | Should -Be @('Escalation desk', 'General Q&A')
        @(Get-GptTrainerDataSource $support.ChatbotUuid).Count | Should -Be 0
        @(Get-GptTrainerSourceTag $support.ChatbotUuid).Count | Should -Be 0
    }
}

Describe 'Every Get- cmdlet narrows a chatbot''s list the same way' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Lists'
        $null = $bot | New-GptTrainerAgent -Name 'Helper' -Type 'user-facing'
        $null = $bot | New-GptTrainerDataSource -Question 'Q one?' -Answer 'A one.'
        $null = $bot | New-GptTrainerDataSource -Question 'Q two?' -Answer 'A two.'
        $null = $bot | New-GptTrainerSourceTag -Name 'Billing' -Color '#088F8F'
        $null = $bot | New-GptTrainerSourceTag -Name 'Other' -Color '#000000'
        $missing = 'f' * 32
    }

    It 'keeps only the uuids asked for and reports one the chatbot lacks, with <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Get-GptTrainerAgent'; Parameter = 'AgentUuid'; ErrorId = 'AgentNotFound' }
        @{ Command = 'Get-GptTrainerDataSource'; Parameter = 'DataSourceUuid'; ErrorId = 'DataSourceNotFound' }
        @{ Command = 'Get-GptTrainerSourceTag'; Parameter = 'SourceTagUuid'; ErrorId = 'SourceTagNotFound' }
    ) {
        $all = @(& $Command -ChatbotUuid $bot.ChatbotUuid)
        $all.Count | Should -BeGreaterThan 1
        $wanted = @{ ChatbotUuid = $bot.ChatbotUuid; $Parameter = @($all[0].$Parameter, $missing) }

        $found = @(& $Command @wanted -ErrorVariable err -ErrorAction SilentlyContinue)

        $found.$Parameter | Should -Be @($all[0].$Parameter)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $missing
    }
}

Describe 'Uuid parameters take arrays and plain strings from the pipeline' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Array bot'
        $sessions = 1..3 | ForEach-Object { $bot | New-GptTrainerSession }
    }

    It 'removes an array of sessions given to -SessionUuid' {
        Remove-GptTrainerSession -SessionUuid $sessions.SessionUuid -Confirm:$false
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid).Count | Should -Be 0
    }

    It 'removes sessions whose uuids are read from a file, one per line' {
        $file = Join-Path $work 'ids.txt'
        Set-Content -Path $file -Value $sessions[0..1].SessionUuid
        Get-Content $file | Remove-GptTrainerSession -Confirm:$false
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid).SessionUuid | Should -Be @($sessions[2].SessionUuid)
    }

    It 'reports a bad uuid in a list and still handles the others' {
        Remove-GptTrainerSession -SessionUuid $sessions[0].SessionUuid, 'not-a-uuid', $sessions[1].SessionUuid -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUuid,*'
        $err[0].TargetObject | Should -Be 'not-a-uuid'
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid).Count | Should -Be 1
    }

    It 'gets several chatbots by -ChatbotUuid, and sessions by a piped list' {
        $other = New-GptTrainerChatbot -Name 'Other'
        @(Get-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid, $other.ChatbotUuid).Name | Sort-Object | Should -Be @('Array bot', 'Other')
        @($sessions.SessionUuid | Get-GptTrainerSession).Count | Should -Be 3
    }

    It 'takes every removable kind as plain strings from the pipeline' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'Temp' -Type background
        $source = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'q?' -Answer 'a.'
        $tag = New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name 'T' -Color '#000000'
        $agent.AgentUuid | Remove-GptTrainerAgent -Confirm:$false
        $source.DataSourceUuid | Remove-GptTrainerDataSource -Confirm:$false
        $tag.SourceTagUuid | Remove-GptTrainerSourceTag -Confirm:$false
        @(Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid).Name | Should -Be @('General Q&A')
        @(Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid).Count | Should -Be 0
        @(Get-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid).Count | Should -Be 0
    }
}

Describe '-Force, -WhatIf and -Confirm' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'gives -Force to every Remove- cmdlet whose ConfirmImpact is High' {
        foreach ($command in Get-Command -Module GptTrainer -Verb Remove) {
            $impact = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact
            if ($impact -eq 'High') { $command.Parameters.Keys | Should -Contain 'Force' -Because "$($command.Name) asks by default" }
        }
    }

    It 'removes a chatbot with -Force without asking (asking would fail in this non-interactive run)' {
        $bot = New-GptTrainerChatbot -Name 'Forced'
        Remove-GptTrainerChatbot $bot.ChatbotUuid -Force
        @(Get-GptTrainerChatbot).Count | Should -Be 0
    }

    It 'still honours -WhatIf with -Force' {
        $bot = New-GptTrainerChatbot -Name 'Kept'
        Clear-EmulatorRequest $emulator
        Remove-GptTrainerChatbot $bot.ChatbotUuid -Force -WhatIf
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'still honours $WhatIfPreference with -Force, for a chatbot it knows and one it does not' {
        $bot = New-GptTrainerChatbot -Name 'Kept too'
        $unseen = (Invoke-Emulator $emulator 'chatbot/create' -Api -Method Post -Body @{ name = 'Unseen' }).uuid
        Clear-EmulatorRequest $emulator
        & {
            $WhatIfPreference = $true
            Remove-GptTrainerChatbot $bot.ChatbotUuid, $unseen -Force
        }
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'names what it acts on: "chatbot ''HR helpdesk'' (b29325ca...)"' {
        $bot = New-GptTrainerChatbot -Name 'HR helpdesk'
        $session = $bot | New-GptTrainerSession
        $agent = Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid
        $text = Get-HostText {
            $bot | Remove-GptTrainerChatbot -WhatIf
            $bot | Set-GptTrainerChatbot -Name 'New name' -WhatIf
            $agent | Disable-GptTrainerAgent -WhatIf
            $bot | New-GptTrainerSession -WhatIf
        }
        $short = $bot.ChatbotUuid.Substring(0, 8)
        $text | Should -Match ([regex]::Escape("on target ""chatbot 'HR helpdesk' ($short...)"""))
        $text | Should -Match ([regex]::Escape("agent 'General Q&A' ($($agent.AgentUuid.Substring(0, 8))...)"))
        ($text -split "`n" | Where-Object { $_ -match 'What if' }).Count | Should -Be 4
    }

    It 'fetches an unknown chatbot''s name before asking to remove it, and removes nothing when the question cannot be asked' {
        $uuid = (Invoke-Emulator $emulator 'chatbot/create' -Api -Method Post -Body @{ name = 'Unseen by the module' }).uuid
        Clear-EmulatorRequest $emulator
        # This run is non-interactive, so the question itself fails, as it does for any high-impact cmdlet.
        { Remove-GptTrainerChatbot $uuid } | Should -Throw -ExpectedMessage '*NonInteractive*'
        @(Get-EmulatorRequest $emulator).path | Should -Be @("/api/v1/chatbot/$uuid")
        @(Get-EmulatorRequest $emulator -Method DELETE).Count | Should -Be 0
    }
}

Describe 'Table columns are the properties they show' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
    }

    It 'labels every column of <_> with a property of the type' -ForEach @(
        'Chatbot', 'Session', 'Message', 'Citation', 'Agent', 'AgentVariable', 'DataSource', 'DataSourceOperationResult', 'SourceTag', 'ModelInfo', 'SessionDocument'
    ) {
        $type = "GptTrainer.Models.$_" -as [type]
        $view = (Get-FormatData -TypeName $type.FullName).FormatViewDefinition[0].Control
        foreach ($header in $view.Headers) {
            $type.GetProperty($header.Label) | Should -Not -BeNullOrEmpty -Because "the column '$($header.Label)' of $($type.Name) must be a property Select-Object can name"
        }
    }

    It 'lets Select-Object use what the table shows' {
        $null = New-GptTrainerChatbot -Name 'Selectable'
        $row = Get-GptTrainerChatbot | Select-Object Name, ShowCitations, ModifiedAt
        $row.ModifiedAt | Should -BeOfType ([datetime])
        $row.ShowCitations | Should -Not -BeNullOrEmpty
    }

    It 'gives names the room at 100 columns' {
        $null = New-GptTrainerChatbot -Name 'HR helpdesk for Europe'
        Get-GptTrainerChatbot 'HR*' | Format-Table | Out-String -Width 100 | Should -Match 'HR helpdesk for Europe'
        $null = New-GptTrainerDataSource -ChatbotUuid (Get-GptTrainerChatbot 'HR*').ChatbotUuid -Question 'What is the holiday policy for part-time staff?' -Answer 'Pro rata.'
        Get-GptTrainerDataSource -ChatbotUuid (Get-GptTrainerChatbot 'HR*').ChatbotUuid | Format-Table | Out-String -Width 100 | Should -Match 'What is the holiday'
    }
}

Describe 'Source tags from piped data sources' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Tag bot'
        $sources = 1..3 | ForEach-Object { New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question "Question $_?" -Answer "Answer $_." }
    }

    It 'creates one tag holding every piped source' {
        $tags = @($sources | New-GptTrainerSourceTag -Name Files -Color '#088F8F')
        $tags.Count | Should -Be 1
        $tags[0].DataSourceUuids | Sort-Object | Should -Be ($sources.DataSourceUuid | Sort-Object)
        @(Get-EmulatorRequest $emulator -PathLike '*/source-tag/create').Count | Should -Be 1
    }

    It 'adds piped sources to a tag in one update, keeping its members' {
        $tag = New-GptTrainerSourceTag -ChatbotUuid $bot.ChatbotUuid -Name Billing -Color '#FF5733' -DataSourceUuid $sources[0].DataSourceUuid
        $updated = $sources[1..2] | Set-GptTrainerSourceTag -SourceTagUuid $tag.SourceTagUuid -PassThru
        @($updated).Count | Should -Be 1
        $updated.DataSourceUuids | Sort-Object | Should -Be ($sources.DataSourceUuid | Sort-Object)
        @(Get-EmulatorRequest $emulator -PathLike '*/source-tag/*/update').Count | Should -Be 1
    }

    It 'takes piped sources out of a tag with -Remove' {
        $tag = $sources | New-GptTrainerSourceTag -Name All -Color '#000000'
        $updated = $sources[0] | Set-GptTrainerSourceTag $tag.SourceTagUuid -Remove -PassThru
        $updated.DataSourceUuids | Sort-Object | Should -Be ($sources[1..2].DataSourceUuid | Sort-Object)
    }

    It 'still replaces the members with -DataSourceUuid given on the command line, and adds with -Add' {
        $tag = $sources | New-GptTrainerSourceTag -Name All -Color '#000000'
        (Set-GptTrainerSourceTag $tag.SourceTagUuid -DataSourceUuid $sources[2].DataSourceUuid -PassThru).DataSourceUuids | Should -Be @($sources[2].DataSourceUuid)
        (Set-GptTrainerSourceTag $tag.SourceTagUuid -DataSourceUuid $sources[0].DataSourceUuid -Add -ChatbotUuid $bot.ChatbotUuid -PassThru).DataSourceUuids | Sort-Object | Should -Be (@($sources[0].DataSourceUuid, $sources[2].DataSourceUuid) | Sort-Object)
    }
}

Describe 'Tab completion of names and fixed values' {
    BeforeAll {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $hr = New-GptTrainerChatbot -Name 'HR helpdesk'
        $null = New-GptTrainerAgent -ChatbotUuid $hr.ChatbotUuid -Name 'Escalation desk' -Type user-facing
    }

    It 'completes chatbot names, quoted when needed' {
        (Complete 'Get-GptTrainerChatbot HR').CompletionText | Should -Be @("'HR helpdesk'")
        (Complete 'Get-GptTrainerChatbot -Name hel').CompletionText | Should -Be @("'HR helpdesk'")
    }

    It 'completes agent names under the chatbot given' {
        (Complete "Get-GptTrainerAgent -ChatbotUuid $($hr.ChatbotUuid) -Name Esc").CompletionText | Should -Be @("'Escalation desk'")
    }

    It 'completes model names for Get-GptTrainerModel and says "1 credit", not "1 credits"' {
        (Complete 'Get-GptTrainerModel gpt-4o-mini-4').CompletionText | Should -Contain 'gpt-4o-mini-4k'
        ((Complete 'New-GptTrainerAgent -Model gpt-4o-mini-4') | Where-Object CompletionText -EQ 'gpt-4o-mini-4k').ToolTip | Should -Match '\b1 credit per message'
    }

    It 'completes -Status and -Type of Get-GptTrainerDataSource from the known values' {
        (Complete 'Get-GptTrainerDataSource -Status err').CompletionText | Should -Be @('error', 'error:token', 'error:storage')
        (Complete 'Get-GptTrainerDataSource -Type up').CompletionText | Should -Be @('upload')
    }
}

Describe 'The current session' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Context bot'
        $first = $bot | New-GptTrainerSession
        $second = $bot | New-GptTrainerSession
    }

    It 'makes an existing session current with Set-GptTrainerContext, shown by Get-GptTrainerContext' {
        $first | Set-GptTrainerContext
        $context = Get-GptTrainerContext
        $context.SessionUuid | Should -Be $first.SessionUuid
        $context.ChatbotUuid | Should -Be $bot.ChatbotUuid
        $context.ChatbotName | Should -Be 'Context bot'
        $null = Send-GptTrainerMessage 'in the first session' -Raw
        (Get-GptTrainerMessage -SessionUuid $first.SessionUuid).Query | Should -Be 'in the first session'
    }

    It 'refuses a session that does not exist and keeps the current one' {
        Set-GptTrainerContext -SessionUuid ([guid]::NewGuid().ToString('N')) -ChatbotUuid $bot.ChatbotUuid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http404,*'
        (Get-GptTrainerContext).SessionUuid | Should -Be $second.SessionUuid
    }
}

Describe 'Agents, session documents' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Agent bot'
    }

    It 'creates an enabled agent with -Enabled (the service creates them disabled)' {
        $agent = New-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid -Name 'On' -Type user-facing -Enabled
        $agent.Enabled | Should -BeTrue
        (Get-GptTrainerAgent -ChatbotUuid $bot.ChatbotUuid 'On').Enabled | Should -BeTrue
        (Get-SentRequest $emulator "/api/v1/agent/$($agent.AgentUuid)/update" POST).Json.enabled | Should -BeTrue
    }

    It 'returns session documents as typed objects' {
        $doc = Join-Path $work 'terms.txt'
        Set-Content -Path $doc -Value 'The terms say thirty days.'
        $null = $bot | New-GptTrainerSession
        $null = Send-GptTrainerMessage 'What do the terms say?' -DocumentPath $doc
        $documents = (Get-GptTrainerMessage)[-1].SessionDocuments
        $documents[0] | Should -BeOfType ([GptTrainer.Models.SessionDocument])
        $documents[0].FileName | Should -Be 'terms.txt'
        $documents[0].DocumentUuid | Should -Match '^[0-9a-f]{32}$'
    }
}

Describe 'Connecting' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Disconnect-GptTrainer
        $savedKey = $env:GPTTRAINER_API_KEY
        $env:GPTTRAINER_API_KEY = $null
    }

    AfterEach {
        $env:GPTTRAINER_API_KEY = $savedKey
    }

    It 'checks the key with one request and fails at once on a wrong key, keeping the previous connection' {
        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').Count | Should -Be 1
        $thrown = { Connect-GptTrainer -ApiKey 'a-wrong-key-0123456789' -BaseUri $emulator.Uri -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'Http401,GptTrainer.Commands.ConnectGptTrainerCommand'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.ErrorDetails.Message | Should -Match 'checked the key'
        (Get-GptTrainerContext).MaskedApiKey | Should -Be ('********' + $emulator.ApiKey.Substring($emulator.ApiKey.Length - 4))
    }

    It 'sends nothing with -SkipCheck' {
        Connect-GptTrainer -ApiKey 'not-checked-0123456789' -BaseUri $emulator.Uri -SkipCheck
        Get-EmulatorRequestCount $emulator | Should -Be 0
        (Get-GptTrainerContext).ApiKeySet | Should -BeTrue
    }

    It 'says why it cannot ask for a key in a non-interactive session' {
        { Connect-GptTrainer -BaseUri $emulator.Uri -ErrorAction Stop } | Should -Throw -ErrorId 'NoApiKey,GptTrainer.Commands.ConnectGptTrainerCommand' -ExpectedMessage '*could not be asked for*'
    }

    It 'says how often it tried, for how long, and which base URI may be wrong, when nothing listens' {
        $port = Get-FreeLoopbackPort
        Connect-GptTrainer -ApiKey 'any-key-0123456789' -BaseUri "http://127.0.0.1:$port" -SkipCheck -FirstRetryDelayMs 10
        Get-GptTrainerChatbot -MaximumRetryCount 2 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $err[0].Exception.Message | Should -Match 'Tried 3 times over \d+\.\d s'
        $err[0].Exception.Message | Should -Match '\w\. Tried 3 times' -Because 'the system''s "Connection refused" ends its sentence before the next begins'
        $err[0].Exception.Message | Should -Match ([regex]::Escape("base URI http://127.0.0.1:$port/ is right"))
    }
}
