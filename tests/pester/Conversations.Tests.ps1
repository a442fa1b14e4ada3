# Issue 23: conversations out. A person's sessions found, exported and removed; exports in JSON Lines and CSV,
# whole or only what is new; usage per period; bad input refused before any request; the help's runbooks run.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory

    function Import-Conversation {
        <# Whole conversations, with what only end users and the web app give them, through the emulator's control API. #>
        param([Parameter(Mandatory)] [string] $ChatbotUuid, [Parameter(Mandatory)] [object[]] $Sessions)
        (Invoke-Emulator $emulator "chatbots/$ChatbotUuid/sessions" -Method Post -Body @{ sessions = $Sessions }).sessions
    }

    function Reset-Support {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        New-GptTrainerChatbot -Name 'Support'
    }

    # Four sessions: Ann's by lead form, Ann's by verified identity, Bo's (whose question names Ann), and one anonymous.
    $people = @(
        @{ created_at = '2025-03-01T12:00:00Z'; meta = @{ user = @{ email = 'ann@example.org'; name = 'Ann' } }; messages = @(@{ query = 'Where is my order?'; response = 'On its way.'; created_at = '2025-03-01T12:00:05Z' }) }
        @{ created_at = '2025-03-02T12:00:00Z'; meta = @{ auth_data = @{ user = 'u-1042'; email = 'Ann@Example.org' } }; messages = @(@{ query = 'Refund?'; response = 'Within 30 days.'; created_at = '2025-03-02T12:00:05Z' }, @{ query = 'Thanks'; response = 'Welcome.'; created_at = '2025-03-02T12:00:09Z' }) }
        @{ created_at = '2025-03-03T12:00:00Z'; meta = @{ user = @{ email = 'bo@example.org' } }; messages = @(@{ query = 'ann@example.org asked me to ask'; response = 'OK.'; created_at = '2025-03-03T12:00:05Z' }) }
        @{ messages = @(@{ query = 'Hi'; response = 'Hello.' }) }
    )
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Finding, exporting and removing one person''s conversations' {
    BeforeEach {
        $bot = Reset-Support
        $imported = Import-Conversation $bot.ChatbotUuid $people
        $ann = @($imported[0].uuid, $imported[1].uuid)
    }

    It 'finds sessions by lead-form e-mail and by verified identity, and by nothing else' {
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -User 'ANN@example.org').SessionUuid | Should -Be $ann
        @($bot | Get-GptTrainerSession -User 'u-1042').SessionUuid | Should -Be @($imported[1].uuid)
        @($bot | Get-GptTrainerSession -User 'ann@example').Count | Should -Be 0
        Get-GptTrainerSession -SessionUuid $imported[2].uuid -User 'ann@example.org' | Should -BeNullOrEmpty
        (Get-GptTrainerSession -SessionUuid $imported[0].uuid -User 'ann@example.org').SessionUuid | Should -Be $imported[0].uuid
    }

    It 'exports exactly that person''s conversations, piped from -User, reading only their messages' {
        $file = Join-Path $work "ann-$([guid]::NewGuid().ToString('N')).jsonl"
        $found = @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -User 'ann@example.org')
        Clear-EmulatorRequest $emulator

        $result = $found | Export-GptTrainerConversation -Path $file -InformationAction Ignore

        $records = @(Get-Content $file | ConvertFrom-Json)
        $records.question | Sort-Object | Should -Be @('Refund?', 'Thanks', 'Where is my order?')
        $records.session_uuid | Sort-Object -Unique | Should -Be ($ann | Sort-Object)
        ($records | Where-Object session_uuid -EQ $ann[0]).lead_form.email | Should -Be 'ann@example.org'
        ($records | Where-Object session_uuid -EQ $ann[1])[0].identity.user | Should -Be 'u-1042'
        $result | Should -BeOfType ([GptTrainer.Models.ConversationExportResult])
        $result.Messages | Should -Be 3
        $result.SessionUuids | Sort-Object | Should -Be ($ann | Sort-Object)
        # The piped sessions carry their lead form: only their messages are read.
        @(Get-EmulatorRequest $emulator).path | Sort-Object | Should -Be ($ann | ForEach-Object { "/api/v1/session/$_/messages" } | Sort-Object)
    }

    It 'removes nothing with -WhatIf, then exactly that person''s sessions' {
        $found = @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid -User 'ann@example.org')
        Clear-EmulatorRequest $emulator

        $found | Remove-GptTrainerSession -WhatIf
        Get-EmulatorRequestCount $emulator | Should -Be 0

        $found | Remove-GptTrainerSession -Confirm:$false
        @(Get-EmulatorRequest $emulator -Method POST).path | Should -Be @($ann | ForEach-Object { "/api/v1/session/$_/delete" })
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid).SessionUuid | Should -Be @($imported[2].uuid, $imported[3].uuid)
    }
}

Describe 'Export-GptTrainerConversation' {
    BeforeEach {
        $bot = Reset-Support
        $imported = Import-Conversation $bot.ChatbotUuid @(
            @{ created_at = '2025-03-01T12:00:00Z'; meta = @{ user = @{ email = 'ann@example.org' } }; messages = @(
                    @{ query = 'Total?'; response = '=1+1'; labels = @('billing', 'urgent'); feedback_json = @{ rating = 'down' }; detected_frustrations = 'Repeated the question.'; error_message = 'timeout'; finish_reason = 'length'; cite_data_json = @{ '1.1' = @{ title = 'Prices' } } }
                    @{ query = '@admin help'; response = 'Sure, "right away".' }) }
            @{ created_at = '2025-03-02T12:00:00Z'; messages = @(@{ query = 'Hi'; response = 'Hello.' }) }
        )
    }

    It 'writes a CSV file that Import-Csv reads back field by field, with formulas neutralised' {
        $file = Join-Path $work "support-$([guid]::NewGuid().ToString('N')).csv"

        $result = Export-GptTrainerConversation $bot.ChatbotUuid -Path $file -InformationAction Ignore

        $result.Format | Should -Be 'Csv'
        [System.IO.File]::ReadAllBytes($file)[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
        $rows = @(Import-Csv $file -Encoding utf8)
        $rows.Count | Should -Be 3
        ($rows[0].PSObject.Properties.Name -join ',') | Should -Be 'chatbot_uuid,session_uuid,session_created_at,lead_form,identity,message_uuid,message_created_at,question,answer,finish_reason,sources,labels,rating,feedback_json,detected_frustrations,error_message'
        $total = $rows | Where-Object message_uuid -EQ $imported[0].messages[0]
        $total.answer | Should -BeExactly "'=1+1"
        $total.lead_form | Should -Be '{"email":"ann@example.org"}'
        $total.labels | Should -Be 'billing; urgent'
        $total.sources | Should -Be 'Prices'
        $total.rating | Should -Be 'down'
        $total.finish_reason | Should -Be 'length'
        $total.detected_frustrations | Should -Be 'Repeated the question.'
        $total.error_message | Should -Be 'timeout'
        $total.session_created_at | Should -Be '2025-03-01T12:00:00Z'
        ($rows | Where-Object message_uuid -EQ $imported[0].messages[1]).question | Should -BeExactly "'@admin help"
        ($rows | Where-Object message_uuid -EQ $imported[0].messages[1]).answer | Should -BeExactly 'Sure, "right away".'
    }

    It 'adds only what is new to an archive with -StatePath and -Append' {
        $archive = Join-Path $work "archive-$([guid]::NewGuid().ToString('N')).jsonl"
        $state = "$archive.state.json"
        $first = Export-GptTrainerConversation $bot.ChatbotUuid -Path $archive -StatePath $state -Append -InformationAction Ignore
        $null = Send-GptTrainerMessage -SessionUuid $imported[1].uuid -Query 'One more thing' -Raw
        $new = Import-Conversation $bot.ChatbotUuid @(@{ messages = @(@{ query = 'New here'; response = 'Welcome.' }) })

        $second = Export-GptTrainerConversation $bot.ChatbotUuid -Path $archive -StatePath $state -Append -InformationAction Ignore
        $third = Export-GptTrainerConversation $bot.ChatbotUuid -Path $archive -StatePath $state -Append -InformationAction Ignore

        ($first.Messages, $second.Messages, $third.Messages) | Should -Be @(3, 2, 0)
        $records = @(Get-Content $archive | ConvertFrom-Json)
        $records.Count | Should -Be 5
        @($records.message_uuid | Sort-Object -Unique).Count | Should -Be 5
        $records[3..4].question | Sort-Object | Should -Be @('New here', 'One more thing')
        (Get-Content -Raw $state | ConvertFrom-Json).chatbotUuid | Should -Be $bot.ChatbotUuid
        $second.SessionUuids | Sort-Object | Should -Be (@($imported[1].uuid, $new[0].uuid) | Sort-Object)
    }

    It 'reports what it did on the information stream, and its progress' {
        $file = Join-Path $work "info-$([guid]::NewGuid().ToString('N')).jsonl"

        $null = Export-GptTrainerConversation $bot.ChatbotUuid -Path $file -InformationVariable info -InformationAction SilentlyContinue

        "$info" | Should -Match "^Exported 3 messages of 2 sessions \(2 found\) of chatbot $($bot.ChatbotUuid) to "
        $info[0].Tags | Should -Contain 'GptTrainerExportSummary'
    }

    It 'writes nothing and sends nothing with -WhatIf' {
        $file = Join-Path $work "whatif-$([guid]::NewGuid().ToString('N')).jsonl"
        Clear-EmulatorRequest $emulator

        Export-GptTrainerConversation $bot.ChatbotUuid -Path $file -WhatIf | Should -BeNullOrEmpty

        Test-Path $file | Should -BeFalse
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'leaves an earlier export as it was when the chatbot cannot be listed' {
        $file = Join-Path $work "earlier-$([guid]::NewGuid().ToString('N')).jsonl"
        Set-Content -Path $file -Value '{"earlier":true}'
        $missing = 'f' * 32

        Export-GptTrainerConversation $missing -Path $file -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http404,*'
        $err[0].TargetObject | Should -Be $missing
        (Get-Content $file) | Should -Be '{"earlier":true}'
    }

    It 'ends with an error about the file when it cannot be written midway, as on a full disk' -Skip:(-not (Test-Path /dev/full)) {
        Export-GptTrainerConversation $bot.ChatbotUuid -Path /dev/full -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ExportNotWritten,*'
        $err[0].CategoryInfo.Category | Should -Be 'WriteError'
        $err[0].TargetObject | Should -Be '/dev/full'
    }

    It 'shows a table of what each export did' {
        $file = Join-Path $work "table-$([guid]::NewGuid().ToString('N')).jsonl"
        $table = Export-GptTrainerConversation $bot.ChatbotUuid -Path $file -InformationAction Ignore | Out-String -Width 250
        $table | Should -Match 'Path\s+ChatbotUuid\s+SessionsFound\s+SessionsExported\s+Messages\s+SessionsFailed'
        $table | Should -Match "$($bot.ChatbotUuid)\s+2\s+2\s+3\s+0"
    }
}

Describe 'Bad input is a clear error before any request' {
    BeforeAll {
        $bot = Reset-Support
        $other = New-GptTrainerChatbot -Name 'Other'
        $otherState = Join-Path $work 'other.state.json'
        $null = Export-GptTrainerConversation $other.ChatbotUuid -Path (Join-Path $work 'other.jsonl') -StatePath $otherState -InformationAction Ignore
        # Root writes almost anywhere; /sys refuses new files even to root. Elsewhere, a read-only file.
        $unwritable = if (Test-Path /sys/kernel) { '/sys/gpttrainer-export.jsonl' } else {
            $readOnly = New-Item -ItemType File -Path (Join-Path $work 'read-only.jsonl') -Force
            $readOnly.IsReadOnly = $true
            $readOnly.FullName
        }
        $after = [datetime]'2025-03-02'
        $before = [datetime]'2025-03-01'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a -Path that cannot be written'; Arguments = { @{ Path = $unwritable } }; ErrorId = 'PathNotWritable'; Category = 'PermissionDenied'; Target = { $unwritable } }
        @{ Case = 'a -Path in a folder that does not exist'; Arguments = { @{ Path = (Join-Path $work 'no/such/folder.jsonl') } }; ErrorId = 'FolderNotFound'; Category = 'ObjectNotFound'; Target = { Join-Path $work 'no/such/folder.jsonl' } }
        @{ Case = 'a -Path that is a folder'; Arguments = { @{ Path = $work } }; ErrorId = 'PathIsAFolder'; Category = 'InvalidArgument'; Target = { $work } }
        @{ Case = 'a -StatePath of another chatbot'; Arguments = { @{ Path = (Join-Path $work 'x.jsonl'); StatePath = $otherState } }; ErrorId = 'StateOfAnotherChatbot'; Category = 'InvalidArgument'; Target = { $otherState } }
        @{ Case = '-CreatedAfter after -CreatedBefore'; Arguments = { @{ Path = (Join-Path $work 'x.jsonl'); CreatedAfter = $after; CreatedBefore = $before } }; ErrorId = 'InvalidTimeWindow'; Category = 'InvalidArgument'; Target = { $after } }
    ) {
        $parameters = & $Arguments
        Clear-EmulatorRequest $emulator

        Export-GptTrainerConversation -ChatbotUuid $bot.ChatbotUuid @parameters -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,GptTrainer.Commands.ExportGptTrainerConversationCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].TargetObject | Should -Be (& $Target)
        { Export-GptTrainerConversation -ChatbotUuid $bot.ChatbotUuid @parameters -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*"
        Get-EmulatorRequestCount $emulator | Should -Be 0
        Test-Path (Join-Path $work 'x.jsonl') | Should -BeFalse
    }

    It 'refuses -CreatedAfter after -CreatedBefore with <_> too' -ForEach 'Get-GptTrainerUsage', 'Get-GptTrainerSession' {
        Clear-EmulatorRequest $emulator

        & $_ -ChatbotUuid $bot.ChatbotUuid -CreatedAfter $after -CreatedBefore $before -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimeWindow,*'
        $err[0].TargetObject | Should -Be $after
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }
}

Describe 'Get-GptTrainerUsage' {
    BeforeAll {
        $bot = Reset-Support
        # Noon UTC: the same calendar day on the clock of any machine these tests run on.
        $imported = Import-Conversation $bot.ChatbotUuid @(
            @{ created_at = '2025-03-01T12:00:00Z'; messages = @(
                    @{ query = 'a'; created_at = '2025-03-01T12:00:01Z'; feedback_json = @{ rating = 'up' } }
                    @{ query = 'b'; created_at = '2025-03-01T12:00:02Z'; finish_reason = 'length'; error_message = 'cut' }) }
            @{ created_at = '2025-03-02T12:00:00Z'; messages = @(@{ query = 'c'; created_at = '2025-03-02T12:00:01Z'; detected_frustrations = 'Angry.'; feedback_json = @{ rating = 'down' } }) }
        )
    }

    It 'reports each day as counted by hand, with credits labelled as an estimate' {
        $rows = @(Get-GptTrainerUsage $bot.ChatbotUuid -InformationVariable info -InformationAction SilentlyContinue)

        $rows | Should -BeOfType ([GptTrainer.Models.UsagePeriod])
        $rows.Period | Should -Be @('2025-03-01', '2025-03-02')
        $rows.Sessions | Should -Be @(1, 1)
        $rows.Messages | Should -Be @(2, 1)
        $rows.CutShort | Should -Be @(1, 0)
        $rows.Errors | Should -Be @(1, 0)
        $rows.Frustrations | Should -Be @(0, 1)
        $rows.RatingsUp | Should -Be @(1, 0)
        $rows.RatingsDown | Should -Be @(0, 1)
        $rows.EstimatedCredits | Should -Be @(2, 1)
        $rows.PricedModel | Should -Be @('gpt-4o-mini-4k', 'gpt-4o-mini-4k')
        $rows[0].PriceBasis | Should -BeLike 'Estimate: each message at 1 credit, the price of gpt-4o-mini-4k, *'
        "$info" | Should -BeLike "*3 messages; an estimated 3 credits (each message at 1 credit, the price of gpt-4o-mini-4k*"
    }

    It 'shows a table of the figures' {
        $table = Get-GptTrainerUsage $bot.ChatbotUuid -InformationAction Ignore | Out-String -Width 250
        $table | Should -Match 'Period\s+Sessions\s+Messages\s+CutShort\s+Errors\s+Frustrations\s+RatingsUp\s+RatingsDown\s+EstimatedCredits\s+PricedModel'
        $table | Should -Match '2025-03-01\s+1\s+2\s+1\s+1\s+0\s+1\s+0\s+2\s+gpt-4o-mini-4k'
    }

    It 'gives a row per session that pipes into Get-GptTrainerMessage' {
        $rows = @(Get-GptTrainerUsage $bot.ChatbotUuid -GroupBy Session -InformationAction Ignore)

        $rows.SessionUuid | Should -Be @($imported[0].uuid, $imported[1].uuid)
        @($rows | Where-Object RatingsDown | Get-GptTrainerMessage).Query | Should -Be @('c')
    }
}

Describe 'The privacy runbooks of the help' {
    BeforeEach {
        $bot = Reset-Support
        $imported = Import-Conversation $bot.ChatbotUuid $people
        $folder = Join-Path $work "runbook-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $folder
        $recipes = @((Get-Help Get-GptTrainerSession -Full).Examples.Example.Code | Where-Object { $_ -like '# *' })

        function Invoke-Recipe([string] $Title) {
            $code = $recipes | Where-Object { $_ -like "# $Title*" }
            @($code).Count | Should -Be 1 -Because "the help has one runbook for $Title"
            Push-Location $folder
            try { $null = & ([scriptblock]::Create($code)) 6>$null } finally { Pop-Location }
        }

        function Get-Evidence([string] $Path) { @(Get-Content (Join-Path $folder $Path) | ConvertFrom-Json) }
    }

    It 'runs the access request and keeps the evidence of what was found and exported' {
        Invoke-Recipe 'Access request'

        $evidence = Get-Evidence 'privacy/REQ-1042/evidence.jsonl'
        $evidence.Step | Should -Be @('Found', 'Exported')
        $evidence.Request | Should -Be @('REQ-1042', 'REQ-1042')
        $evidence[0].Sessions | Should -Be @($imported[0].uuid, $imported[1].uuid)
        $evidence[1].Messages | Should -Be 3
        $exported = Join-Path $folder 'privacy/REQ-1042/conversations.jsonl'
        $evidence[1].Sha256 | Should -Be (Get-FileHash $exported).Hash
        @(Get-Content $exported | ConvertFrom-Json).session_uuid | Sort-Object -Unique | Should -Be (@($imported[0].uuid, $imported[1].uuid) | Sort-Object)
        [datetime]$evidence[0].At | Should -BeOfType ([datetime])
    }

    It 'runs the erasure request and keeps the evidence of what was found, removed and left' {
        Invoke-Recipe 'Erasure request'

        $evidence = Get-Evidence 'privacy/REQ-1043/evidence.jsonl'
        $evidence.Step | Should -Be @('Found', 'Removed', 'Verified')
        $evidence[1].Sessions | Should -Be @($imported[0].uuid, $imported[1].uuid)
        @($evidence[1].Failed).Count | Should -Be 0
        @($evidence[2].SessionsLeft).Count | Should -Be 0
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid).SessionUuid | Should -Be @($imported[2].uuid, $imported[3].uuid)

        # Asked again, it finds nothing, removes nothing, and says so.
        Invoke-Recipe 'Erasure request'
        $again = (Get-Evidence 'privacy/REQ-1043/evidence.jsonl')[3..5]
        $again.Step | Should -Be @('Found', 'Removed', 'Verified')
        @($again[0].Sessions).Count | Should -Be 0
        @($again[1].Sessions).Count | Should -Be 0
    }

    It 'runs the 90-day retention sweep and keeps the evidence of what it removed' {
        Invoke-Recipe 'Retention'

        $evidence = Get-Evidence 'privacy/retention.jsonl'
        $evidence.Step | Should -Be @('Found', 'Removed')
        $evidence[1].Sessions | Should -Be @($imported[0..2].uuid)
        @(Get-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid).SessionUuid | Should -Be @($imported[3].uuid)
    }

    It 'are the runbooks the README gives' {
        $readme = (Get-Content -Raw (Join-Path $RepoRoot 'README.md')) -replace "`r`n", "`n"
        $recipes.Count | Should -Be 3
        foreach ($recipe in $recipes) {
            $readme.Contains("``````powershell`n$(($recipe -replace "`r`n", "`n").Trim())`n``````") | Should -BeTrue -Because "the README shows the runbook '$(($recipe -split "`n")[0])'"
        }
    }
}
