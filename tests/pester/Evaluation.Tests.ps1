# Issue 14: Invoke-GptTrainerEvaluation against the emulator: its checks, runs, throttling, failures and reports.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory

    # A chatbot that shows citations, knowing two files; the emulator answers from them, cited [1.1].
    function New-KnowledgeBot {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Acme support' -ShowCitations
        $returns = Join-Path $work 'returns-policy.txt'
        Set-Content -Path $returns -Value 'Refunds are paid within 30 days of the return.'
        $shipping = Join-Path $work 'shipping-rates.txt'
        Set-Content -Path $shipping -Value 'Parcels to Europe arrive in three days and cost nine euros.'
        $sources = @($returns, $shipping | New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid)
        Complete-GptTrainerEmulatorProcessing $emulator
        [pscustomobject]@{ Bot = $bot; Returns = $sources[0]; Shipping = $sources[1] }
    }

    function Get-StreamRequest { @(Get-EmulatorRequest $emulator -PathLike '*/message/stream' -Method POST) }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'The checks of a case' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
        $refunds = 'How long do refunds take?'
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'faults' -Method Delete
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 }
    }

    It 'passes Contains when every text appears, ignoring case, and names each one missing' {
        $passed, $failed = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @(
            @{ Question = $refunds; Contains = '30 DAYS', 'refunds' }
            @{ Question = $refunds; Contains = '30 days', 'vouchers', 'store credit' }
        )

        $passed.Passed | Should -BeTrue
        $passed.Failures | Should -BeNullOrEmpty
        $failed.Passed | Should -BeFalse
        $failed.Failures | Should -Be @(
            "Contains: the answer does not contain 'vouchers'; it reads ""$($failed.Answer)""."
            "Contains: the answer does not contain 'store credit'; it reads ""$($failed.Answer)""."
        )
        $failed.Answer | Should -Match '30 days'
    }

    It 'fails NotContains on any text that appears, ignoring case, and shows where' {
        $passed, $failed = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @(
            @{ Question = $refunds; NotContains = 'never', 'vouchers' }
            @{ Question = $refunds; NotContains = 'vouchers', 'PAID WITHIN' }
        )

        $passed.Passed | Should -BeTrue
        $failed.Passed | Should -BeFalse
        $failed.Failures | Should -Be @("NotContains: the answer contains 'PAID WITHIN', in ""$($failed.Answer)"".")
    }

    It 'checks Match as a regular expression that ignores case unless told (?-i)' {
        $results = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @(
            @{ Question = $refunds; Match = 'within \d+ DAYS' }
            @{ Question = $refunds; Match = '(?-i)within \d+ DAYS' }
            @{ Question = $refunds; Match = '^\d+$', 'refunds' }
        )

        $results.Passed | Should -Be @($true, $false, $false)
        $results[1].Failures | Should -Be @("Match: the answer does not match /(?-i)within \d+ DAYS/; it reads ""$($results[1].Answer)"".")
        $results[2].Failures | Should -HaveCount 1
        $results[2].Failures[0] | Should -BeLike 'Match: the answer does not match /^\d+$/*'
    }

    It 'passes CitesSource by title or by uuid, dashed or not, and lists what was cited when it fails' {
        $dashed = ([guid]$knowledge.Returns.DataSourceUuid).ToString()
        $results = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @(
            @{ Question = $refunds; CitesSource = 'RETURNS-POLICY.TXT' }
            @{ Question = $refunds; CitesSource = $knowledge.Returns.DataSourceUuid }
            @{ Question = $refunds; CitesSource = $dashed }
            @{ Question = $refunds; CitesSource = 'returns-policy.txt', 'shipping-rates.txt' }
        )

        $results.Passed | Should -Be @($true, $true, $true, $false)
        $results[0].Citations.Title | Should -Be @('returns-policy.txt')
        $results[3].Failures | Should -Be @("CitesSource: the reply does not cite 'shipping-rates.txt'; it cites 'returns-policy.txt' ($($knowledge.Returns.DataSourceUuid)).")
    }

    It 'fails MaxFirstPieceMs when the first piece comes late, and not otherwise' {
        # The first stream request waits 600 ms before its headers, so its first piece cannot be sooner.
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; stallBeforeHeadersMs = 600 }
        $late, $prompt = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit 1 -TestCase @(
            @{ Question = $refunds; MaxFirstPieceMs = 300 }
            @{ Question = $refunds; MaxFirstPieceMs = 30000 }
        )

        # Timers may fire a little early, so the check is against the limit, well below the stall.
        $late.FirstPieceMs | Should -BeGreaterThan 500
        $late.Failures | Should -Be @("MaxFirstPieceMs: the first piece took $('{0:#,0}' -f $late.FirstPieceMs) ms, more than the 300 ms allowed.")
        $prompt.Passed | Should -BeTrue
        $prompt.FirstPieceMs | Should -BeLessThan $late.FirstPieceMs
    }

    It 'fails MaxDurationMs when the whole reply takes longer' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ durationMs = 500 }
        $slow, $allowed = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @(
            @{ Question = $refunds; MaxDurationMs = 200 }
            @{ Question = $refunds; MaxDurationMs = 60000 }
        )

        $slow.DurationMs | Should -BeGreaterThan 400
        $slow.Failures | Should -Be @("MaxDurationMs: the reply took $('{0:#,0}' -f $slow.DurationMs) ms, more than the 200 ms allowed.")
        $allowed.Passed | Should -BeTrue
    }

    It 'checks FinishReason against the stored message' {
        $stop, $length = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @(
            @{ Question = $refunds; FinishReason = 'STOP' }
            @{ Question = $refunds; FinishReason = 'length' }
        )

        $stop.Passed | Should -BeTrue
        $stop.FinishReason | Should -Be 'stop'
        $length.Failures | Should -Be @("FinishReason: the reply ended with 'stop', not 'length'.")
    }

    It 'asks a conversation in order in one session and checks the last reply' {
        Clear-EmulatorRequest $emulator
        $result = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @{
            Name = 'Shipping after refunds'; Questions = $refunds, 'How much do parcels to Europe cost?'; Contains = 'nine euros'; NotContains = 'refund'; CitesSource = 'shipping-rates.txt'
        }

        $result.Passed | Should -BeTrue
        $result.Question | Should -Be 'How much do parcels to Europe cost?'
        $result.Questions | Should -Be @($refunds, 'How much do parcels to Europe cost?')
        $asked = Get-StreamRequest
        $asked.path | Should -Be (@("/api/v1/session/$($result.SessionUuid)/message/stream") * 2)
        ($asked.body | ConvertFrom-Json).query | Should -Be $result.Questions
    }

    It 'runs each case in a fresh session of the chatbot, and returns the results in the order given' {
        Clear-EmulatorRequest $emulator
        $results = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit 4 -TestCase (1..6 | ForEach-Object { @{ Name = "case $_"; Question = $refunds } })

        $results.Name | Should -Be (1..6 | ForEach-Object { "case $_" })
        $results.Case | Should -Be (1..6)
        @($results.SessionUuid | Sort-Object -Unique).Count | Should -Be 6
        @(Get-EmulatorRequest $emulator -PathLike "/api/v1/chatbot/$($bot.ChatbotUuid)/session/create" -Method POST).Count | Should -Be 6
        foreach ($result in $results) { (Get-GptTrainerMessage -SessionUuid $result.SessionUuid).Query | Should -Be @($refunds) }
    }
}

Describe 'Cases from files and objects' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
    }

    It 'reads a CSV file, several values to a cell separated by |, a Match never split' {
        $file = Join-Path $work 'cases.csv'
        Set-Content -Path $file -Value @(
            'Name,Question,Contains,Match,CitesSource,MaxDurationMs'
            'Refunds,How long do refunds take?,30 days | refunds,"^Refunds|never",returns-policy.txt,60000'
            ',How much do parcels to Europe cost?,nine euros,,,'
        )
        $results = Invoke-GptTrainerEvaluation $file -ChatbotUuid $bot.ChatbotUuid

        $results.Passed | Should -Be @($true, $true)
        $results[0].Name | Should -Be 'Refunds'
        $results[0].Source | Should -Be $file
        $results[0].TestCase.Contains | Should -Be '30 days | refunds'
        # Run again from the results, a cell still holds two values.
        ($results | Invoke-GptTrainerEvaluation).Passed | Should -Be @($true, $true)
    }

    It 'reads a JSON list, or an object holding "cases", and a PowerShell data file' {
        $json = Join-Path $work 'cases.json'
        Set-Content -Path $json -Value '[{"question": "How long do refunds take?", "contains": ["30 days"], "citesSource": "returns-policy.txt"}, {"Question": "How much do parcels to Europe cost?", "Match": "nine"}]'
        $wrapped = Join-Path $work 'wrapped.json'
        Set-Content -Path $wrapped -Value '{"cases": [{"Question": "How long do refunds take?", "FinishReason": "stop"}]}'
        $psd1 = Join-Path $work 'cases.psd1'
        Set-Content -Path $psd1 -Value "@{ Cases = @( @{ Question = 'How much do parcels to Europe cost?'; Contains = 'three days', 'nine euros' } ) }"

        $results = Invoke-GptTrainerEvaluation $json, $wrapped, $psd1 -ChatbotUuid $bot.ChatbotUuid

        $results.Passed | Should -Be @($true, $true, $true, $true)
        $results.Source | Should -Be @($json, $json, $wrapped, $psd1)
    }

    It 'takes files piped from Get-ChildItem, and results piped back runs their cases again' {
        $folder = Join-Path $work 'piped'
        $null = New-Item -ItemType Directory -Path $folder
        Set-Content -Path (Join-Path $folder 'a.json') -Value '[{"Question": "How long do refunds take?", "Contains": "vouchers"}]'
        Set-Content -Path (Join-Path $folder 'b.json') -Value '[{"Question": "How much do parcels to Europe cost?", "Contains": "euros"}]'
        $first = Get-ChildItem $folder -Filter *.json | Sort-Object Name | Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid
        $first.Passed | Should -Be @($false, $true)

        Clear-EmulatorRequest $emulator
        $again = $first | Where-Object { -not $_.Passed } | Invoke-GptTrainerEvaluation

        $again.Question | Should -Be @('How long do refunds take?')
        $again.ChatbotUuid | Should -Be $bot.ChatbotUuid
        $again.Failures[0] | Should -BeLike "Contains: the answer does not contain 'vouchers'*"
        @(Get-StreamRequest).Count | Should -Be 1
    }

    It 'asks every case of each chatbot piped in' {
        $other = New-GptTrainerChatbot -Name 'Second bot'
        $results = $bot, $other | Invoke-GptTrainerEvaluation -TestCase @{ Question = 'How long do refunds take?'; Contains = '30 days' }

        $results.ChatbotUuid | Should -Be @($bot.ChatbotUuid, $other.ChatbotUuid)
        $results.Passed | Should -Be @($true, $false)
        $results[1].Answer | Should -Be "I don't have information about that in my knowledge base."
    }

    It 'uses the current chatbot when none is given' {
        $null = $bot | New-GptTrainerSession
        $result = @{ Question = 'How long do refunds take?' } | Invoke-GptTrainerEvaluation
        $result.ChatbotUuid | Should -Be $bot.ChatbotUuid
    }
}

Describe 'Bad cases are reported before any question is sent' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
    }

    BeforeEach {
        Clear-EmulatorRequest $emulator
    }

    It 'names the case and the field of <Problem>' -ForEach @(
        @{ Problem = 'a case without a question'; Case = @{ Name = 'Empty'; Contains = 'x' }; Field = 'Question'; Message = "Test case 1 ('Empty') has no question: give Question (or Questions, for a conversation asked in order)." }
        @{ Problem = 'an unknown check'; Case = @{ Question = 'q?'; Contain = 'x' }; Field = 'Contain'; Message = "Test case 1 has an unknown check 'Contain' (did you mean 'Contains'?). A case's fields are Name, Question, Questions, Contains, NotContains, Match, CitesSource, MaxFirstPieceMs, MaxDurationMs, FinishReason." }
        @{ Problem = 'a regex that does not compile'; Case = @{ Question = 'q?'; Match = 'refund[s' }; Field = 'refund[s'; Message = 'Test case 1 has a Match that is not a valid regular expression, ''refund`[s'': *' }
        @{ Problem = 'a limit that is no number'; Case = @{ Question = 'q?'; MaxDurationMs = 'fast' }; Field = 'fast'; Message = 'Test case 1 has MaxDurationMs fast, which is not a number of milliseconds above 0.' }
        @{ Problem = 'both Question and Questions'; Case = @{ Question = 'q?'; Questions = 'a', 'b' }; Field = @('a', 'b'); Message = 'Test case 1 gives both Question and Questions*' }
        @{ Problem = 'an empty Contains'; Case = @{ Question = 'q?'; Contains = '' }; Field = ''; Message = 'Test case 1 has an empty value in Contains, which would check nothing.' }
    ) {
        # The last error ends the command; like every error, -ErrorAction SilentlyContinue silences it and -ErrorVariable keeps it.
        $null = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase $Case -ErrorVariable problems -ErrorAction SilentlyContinue
        $thrown = $problems | Where-Object FullyQualifiedErrorId -Like 'InvalidTestCases,*'

        $thrown.FullyQualifiedErrorId | Should -Be 'InvalidTestCases,GptTrainer.Commands.InvokeGptTrainerEvaluationCommand'
        $thrown.Exception.Message | Should -Be 'No question was asked: 1 problem with the test cases, each reported above, must be corrected first.'
        $reported = $problems | Where-Object FullyQualifiedErrorId -Like 'InvalidTestCase,*'
        @($reported).Count | Should -Be 1
        $reported.Exception.Message | Should -BeLike $Message
        $reported.CategoryInfo.Category | Should -Be 'InvalidData'
        # The offending value is the target: the field's value, the unknown field's name, or the case that lacks a question.
        if ($Problem -eq 'a case without a question') { $reported.TargetObject.Name | Should -Be 'Empty' } else { $reported.TargetObject | Should -Be $Field }
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'reports every bad case of a file, by its place and name in the file, and asks nothing even for the good ones' {
        $file = Join-Path $work 'bad.json'
        Set-Content -Path $file -Value '[{"Question": "How long do refunds take?"}, {"Name": "Broken", "Question": "q?", "Match": "("}, 5, {"Questions": ["a", ""]}]'
        $null = Invoke-GptTrainerEvaluation $file -ChatbotUuid $bot.ChatbotUuid -ErrorVariable problems -ErrorAction SilentlyContinue
        $thrown = $problems | Where-Object FullyQualifiedErrorId -Like 'InvalidTestCases,*'
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidTestCases,*'

        $messages = @($problems | Where-Object FullyQualifiedErrorId -Like 'InvalidTestCase,*').Exception.Message
        $messages | Should -HaveCount 3
        $messages[0] | Should -BeLike "Test case 2 ('Broken') in bad.json has a Match that is not a valid regular expression, '(':*"
        $messages[1] | Should -Be 'Test case 3 in bad.json is the number 5, not a case: a case is an object with a Question and its checks.'
        $messages[2] | Should -Be 'Test case 4 in bad.json has an empty question in Questions: each question of a conversation needs text.'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'reports a file that <Problem> with <ErrorId>' -ForEach @(
        @{ Problem = 'does not exist'; Name = 'missing.json'; Content = $null; ErrorId = 'FileNotFound'; Category = 'ObjectNotFound' }
        @{ Problem = 'has another extension'; Name = 'cases.txt'; Content = 'Question: q?'; ErrorId = 'UnsupportedTestCaseFile'; Category = 'InvalidArgument' }
        @{ Problem = 'holds malformed JSON'; Name = 'broken.json'; Content = '[{"Question": '; ErrorId = 'InvalidTestCaseFile'; Category = 'InvalidData' }
        @{ Problem = 'runs commands in a data file'; Name = 'active.psd1'; Content = "@{ Cases = @( @{ Question = (Get-Date).ToString() } ) }"; ErrorId = 'InvalidTestCaseFile'; Category = 'InvalidData' }
        @{ Problem = 'has an unclosed quote in CSV'; Name = 'broken.csv'; Content = "Question`n""How long"; ErrorId = 'InvalidTestCaseFile'; Category = 'InvalidData' }
    ) {
        $path = Join-Path $work $Name
        if ($null -ne $Content) { Set-Content -Path $path -Value $Content }
        $null = Invoke-GptTrainerEvaluation $path -ChatbotUuid $bot.ChatbotUuid -ErrorVariable problems -ErrorAction SilentlyContinue
        $thrown = $problems | Where-Object FullyQualifiedErrorId -Like 'InvalidTestCases,*'
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidTestCases,*'

        $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,GptTrainer.Commands.InvokeGptTrainerEvaluationCommand"
        $problems[0].CategoryInfo.Category | Should -Be $Category
        $problems[0].TargetObject | Should -Be $path
        $problems[0].Exception.Message | Should -Match ([regex]::Escape($Name))
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'checks the cases and asks nothing with -WhatIf' {
        $results = @(Invoke-GptTrainerEvaluation @{ Question = 'q?' }, @{ Questions = 'a?', 'b?' } -ChatbotUuid $bot.ChatbotUuid -Repeat 2 -WhatIf)
        $results | Should -HaveCount 0
        Get-EmulatorRequestCount $emulator | Should -Be 0

        $null = Invoke-GptTrainerEvaluation @{ Contains = 'x' } -ChatbotUuid $bot.ChatbotUuid -WhatIf -ErrorVariable problems -ErrorAction SilentlyContinue
        $thrown = $problems | Where-Object FullyQualifiedErrorId -Like 'InvalidTestCases,*'
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidTestCases,*'
    }

    It 'refuses a report whose format it cannot tell before asking anything' {
        { Invoke-GptTrainerEvaluation @{ Question = 'q?' } -ChatbotUuid $bot.ChatbotUuid -ReportPath (Join-Path $work 'report.txt') -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownReportFormat,*' -ExpectedMessage '*add -ReportFormat Markdown or Html*'
        { Invoke-GptTrainerEvaluation @{ Question = 'q?' } -ChatbotUuid $bot.ChatbotUuid -ReportPath (Join-Path $work 'no-such-folder/report.md') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ReportFolderNotFound,*'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }
}

Describe 'Repeated runs and the pass threshold' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'faults' -Method Delete
        # Two of the five runs fail: the service answers their question with a 500.
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 500; times = 2 }
    }

    It 'passes a case when at least the threshold''s share of its runs pass' {
        $result = Invoke-GptTrainerEvaluation @{ Question = 'How long do refunds take?'; Contains = '30 days' } -ChatbotUuid $bot.ChatbotUuid -Repeat 5 -PassThreshold 0.6 -ThrottleLimit 1

        $result.Passed | Should -BeTrue
        $result.Runs | Should -Be 5
        $result.PassedRuns | Should -Be 3
        $result.Failures | Should -BeNullOrEmpty
        $result.RunResults.Run | Should -Be (1..5)
        $result.RunResults.Passed | Should -Be @($false, $false, $true, $true, $true)
        @($result.RunResults.SessionUuid | Sort-Object -Unique).Count | Should -Be 5
        # The case passed, so the result shows its last passing run, not a failed one.
        $result.SessionUuid | Should -Be $result.RunResults[4].SessionUuid
        $result.Error | Should -BeNullOrEmpty
    }

    It 'fails it below the threshold, saying how many runs passed and why each failed one failed' {
        $result = Invoke-GptTrainerEvaluation @{ Question = 'How long do refunds take?'; Contains = '30 days' } -ChatbotUuid $bot.ChatbotUuid -Repeat 5 -PassThreshold 0.8 -ThrottleLimit 1

        $result.Passed | Should -BeFalse
        $result.PassedRuns | Should -Be 3
        $result.Failures[0] | Should -Be 'Passed 3 of 5 runs, fewer than the 4 that -PassThreshold 0.8 asks for.'
        $result.Failures[1] | Should -BeLike 'Run 1: Request: asking the question failed (Http500): *'
        $result.Failures[2] | Should -BeLike 'Run 2: Request: asking the question failed (Http500): *'
        $result.Failures | Should -HaveCount 3
        # The result shows the first failed run.
        $result.SessionUuid | Should -Be $result.RunResults[0].SessionUuid
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'Http500*'
    }

    It 'needs every run to pass by default' {
        $result = Invoke-GptTrainerEvaluation @{ Question = 'How long do refunds take?' } -ChatbotUuid $bot.ChatbotUuid -Repeat 3 -ThrottleLimit 1
        $result.PassedRuns | Should -Be 1
        $result.Passed | Should -BeFalse
    }
}

Describe 'Cases at once' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
        $cases = 1..12 | ForEach-Object { @{ Question = 'How long do refunds take?'; Contains = '30 days' } }
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'faults' -Method Delete
        # Replies long enough that cases overlap whenever the command lets them.
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ durationMs = 250 }
        $null = Invoke-Emulator $emulator 'stats/reset' -Method Post
    }

    It 'never has more than -ThrottleLimit replies in flight, and uses all of them' {
        $results = Invoke-GptTrainerEvaluation -TestCase $cases -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit 3

        $results.Passed | Should -Not -Contain $false
        (Invoke-Emulator $emulator 'stats').streamsPeak | Should -Be 3
    }

    It 'runs four at once unless told otherwise' {
        $null = Invoke-GptTrainerEvaluation -TestCase $cases -ChatbotUuid $bot.ChatbotUuid
        (Invoke-Emulator $emulator 'stats').streamsPeak | Should -Be 4
    }

    It 'waits out 429s as Retry-After asks without failing a case or asking a question twice' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 429; retryAfter = '2'; times = 2 }
        Clear-EmulatorRequest $emulator
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $results = Invoke-GptTrainerEvaluation -TestCase $cases[0..2] -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit 3 -ErrorVariable errors

        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2 -Because 'the refused questions waited as Retry-After asked'
        $results.Passed | Should -Be @($true, $true, $true)
        $errors | Should -BeNullOrEmpty
        # Five stream requests: three questions, two of them refused once before they were answered.
        @(Get-StreamRequest).Count | Should -Be 5
        foreach ($result in $results) { @(Get-GptTrainerMessage -SessionUuid $result.SessionUuid).Count | Should -Be 1 }
        # The time measured is the service's answering, not the wait it asked for.
        ($results.FirstPieceMs | Measure-Object -Maximum).Maximum | Should -BeLessThan 2000
    }
}

Describe 'A request that fails is a failed result, not a stopped run' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
    }

    BeforeEach {
        $null = Invoke-Emulator $emulator 'faults' -Method Delete
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 }
        Clear-EmulatorRequest $emulator
    }

    It 'keeps what arrived of a reply cut off midway, and never asks again' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; cutAfterBytes = 12 }
        $cut, $whole = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit 1 -TestCase @(
            @{ Question = 'How long do refunds take?' }
            @{ Question = 'How long do refunds take?' }
        ) -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        $cut.Passed | Should -BeFalse
        $cut.Error.FullyQualifiedErrorId | Should -BeLike 'ReplyCutOff*'
        $cut.Failures | Should -HaveCount 1
        $cut.Failures[0] | Should -BeLike 'Request: asking the question failed (ReplyCutOff): *'
        $cut.Answer | Should -Be 'Refunds are '
        $whole.Passed | Should -BeTrue
        @(Get-StreamRequest | Where-Object path -Like "*$($cut.SessionUuid)*").Count | Should -Be 1
    }

    It 'fails every case of a chatbot the service does not know, each with the service''s error' {
        $results = Invoke-GptTrainerEvaluation -ChatbotUuid ('f' * 32) -TestCase @{ Question = 'a?' }, @{ Question = 'b?' }

        $results | Should -HaveCount 2
        $results.Passed | Should -Be @($false, $false)
        $results.Error.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'Http404*' }
        $results[0].Failures[0] | Should -BeLike 'Request: opening a session failed (Http404): *'
    }

    It 'names the question of a conversation that failed' {
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/message/stream$'; status = 500; times = 1 }
        $result = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @{ Questions = 'first?', 'second?' }
        $result.Failures[0] | Should -BeLike 'Request: asking question 1 of 2 failed (Http500): *'
        $result.Error.TargetObject | Should -Be 'first?'
    }
}

Describe 'Stopping' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
    }

    AfterEach {
        $null = Invoke-Emulator $emulator 'release' -Method Post
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 }
    }

    It 'stops every case in flight on Ctrl+C, closing its connection, and asks nothing more' {
        # Every reply is held after its first piece, for 30 s unless released.
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ text = 'A reply that is held after its first words.'; holdAfterPieces = 1 }
        Clear-EmulatorRequest $emulator
        $cases = 1..6 | ForEach-Object { @{ Question = "Question $($_)?" } }
        $run = Start-ModuleInstance $emulator -Script 'Invoke-GptTrainerEvaluation -TestCase $Arguments.Cases -ChatbotUuid $Arguments.Bot -ThrottleLimit 2' -Arguments @{ Cases = $cases; Bot = $bot.ChatbotUuid }
        try {
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsHeld -eq 2 } -Because 'two cases to be in the middle of their replies'

            $run.PowerShell.Stop()

            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            # The held replies end only because the command closed their connections.
            Wait-Until { (Invoke-Emulator $emulator 'stats').streamsActive -eq 0 } -TimeoutSec 10 -Because 'the stopped cases'' connections to close'
            @(Get-StreamRequest).Count | Should -Be 2
        }
        finally { $run.PowerShell.Dispose() }
    }
}

Describe 'Results, progress and reports' {
    BeforeAll {
        $knowledge = New-KnowledgeBot
        $bot = $knowledge.Bot
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 }
        $hostile = '<script>alert(1)</script> | [link](https://evil.example) **bold** & "quotes"'
        $cases = @(
            @{ Name = 'Refunds'; Question = 'How long do refunds take?'; Contains = '30 days'; CitesSource = 'returns-policy.txt' }
            @{ Name = 'Hostile <b>'; Question = 'How much do parcels to Europe cost?'; Contains = 'free shipping' }
        )
    }

    It 'shows a table of the cases' {
        $table = Invoke-GptTrainerEvaluation -TestCase $cases -ChatbotUuid $bot.ChatbotUuid | Format-Table | Out-String -Width 200
        $table | Should -Match 'Case\s+Passed\s+PassedRuns\s+FirstPieceMs\s+DurationMs\s+Question\s+Failures'
        # A case is shown by its Name, as its author calls it; a case without one by its number.
        $table | Should -Match 'Refunds\s+True\s+1/1'
        $table | Should -Match "Hostile <b>\s+False\s+0/1.*Contains: the answer does not contain 'free shipping'"
        $unnamed = Invoke-GptTrainerEvaluation -TestCase @{ Question = 'How long do refunds take?' } -ChatbotUuid $bot.ChatbotUuid | Format-Table | Out-String -Width 200
        $unnamed | Should -Match '(?m)^1\s+True\s+1/1'
    }

    It 'moves a progress bar over the cases and completes it' {
        $run = [powershell]::Create()
        $null = $run.AddScript("Import-Module '$ModuleManifest'; Connect-GptTrainer -ApiKey '$($emulator.ApiKey)' -BaseUri '$($emulator.Uri)' -SkipCheck").AddStatement()
        $null = $run.AddCommand('Invoke-GptTrainerEvaluation').AddParameter('TestCase', $cases).AddParameter('ChatbotUuid', $bot.ChatbotUuid).AddParameter('ThrottleLimit', 1)
        try {
            $results = $run.Invoke()
            $progress = @($run.Streams.Progress | Where-Object ActivityId -EQ 1400)
        }
        finally { $run.Dispose() }

        $results | Should -HaveCount 2
        $progress.StatusDescription | Should -Contain '1 of 2 cases done, 0 failed'
        $progress.StatusDescription | Should -Contain '2 of 2 cases done, 1 failed'
        $progress[-1].RecordType | Should -Be 'Completed'
        $progress[-2].PercentComplete | Should -Be 100
    }

    It 'writes a Markdown report: the summary line, a row per case, then what each failed case answered, all escaped' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ text = $hostile }
        try {
            $report = Join-Path $work 'report.md'
            $null = Invoke-GptTrainerEvaluation -TestCase $cases -ChatbotUuid $bot.ChatbotUuid -ReportPath $report
        }
        finally { $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 } }
        $lines = Get-Content $report

        $lines[0] | Should -Be '## ❌ Chatbot answers: 0 of 2 cases passed, 2 failed'
        $lines[2] | Should -BeLike "chatbot 'Acme support' ($($bot.ChatbotUuid.Substring(0, 8))...); 4 at once; 1 run each; *"
        $lines[4] | Should -Be '| Result | Case | Question | Answer | Cited | First piece | Duration | Runs | Failures |'
        $rows = @($lines | Where-Object { $_ -like '| *failed* |*' })
        $rows | Should -HaveCount 2
        # A word joiner (U+2060) after the scheme keeps GitHub from linking the address on its own (GFM autolinks).
        $rows[1] | Should -BeLike ('| ❌ **failed** | 2 Hostile \<b\> | How much do parcels to Europe cost? | \<script\>alert(1)\</script\> \| \`[link\`](https{0}://evil.example) \*\*bold\*\* \& "quotes" |*' -f [char]0x2060)
        # Each failed case follows with its failures and, fenced so that nothing in it takes effect, its answer.
        $text = Get-Content -Raw $report
        $text | Should -Match "(?m)^### ❌ Case 2: Hostile \\<b\\>$"
        $text | Should -Match ([regex]::Escape("``````text`n$hostile`n``````"))
    }

    It 'keeps web and mail addresses in the service''s text as text in the Markdown report, where GitHub would make them links' {
        # A reply and a citation title that GitHub's Markdown would turn into links (GFM autolinks and the like).
        $phishing = 'Verify at https://evil.example/login or www.evil.example/reset, mail support@evil.example'
        $title = 'Help: WWW.evil.example/help, <https://a.example>, [x](http://b.example), ![i](ftp://c.example/i.png), <img src=x>, @someone or help@evil.example'
        $phishBot = New-GptTrainerChatbot -Name 'Phishing' -ShowCitations
        $file = Join-Path $work 'verify-account.txt'
        Set-Content -Path $file -Value $phishing
        $null = New-GptTrainerDataSource -ChatbotUuid $phishBot.ChatbotUuid -Path $file | Set-GptTrainerDataSource -Title $title
        Complete-GptTrainerEmulatorProcessing $emulator
        $report = Join-Path $work 'phishing.md'
        $result = Invoke-GptTrainerEvaluation -ChatbotUuid $phishBot.ChatbotUuid -ReportPath $report -TestCase @{ Name = 'Account'; Question = 'Where do I verify my login?'; Contains = 'no such words' }
        $result.Answer | Should -BeLike "$phishing*" -Because 'the reply is the source''s text, as the test needs'
        $result.Citations.Title | Should -Be $title

        $lines = Get-Content $report -Encoding utf8
        $row = @($lines | Where-Object { $_ -like '| ❌ **failed** | 1 Account |*' })
        $failure = @($lines | Where-Object { $_ -like '- Contains: *' })
        $row | Should -HaveCount 1
        $failure | Should -HaveCount 1
        # Each address reads as it did, with an invisible word joiner (U+2060) where a renderer would see a link.
        $wj = [char]0x2060
        foreach ($line in $row[0], $failure[0]) {
            $line | Should -BeLikeExactly "*Verify at https$($wj)://evil.example/login or www$($wj).evil.example/reset, mail support@$($wj)evil.example*"
        }

        $row[0] | Should -BeLikeExactly "*| Help: WWW$($wj).evil.example/help, *help@$($wj)evil.example |*"
        # The answer as written, fenced: code blocks make no links, so it stays exactly as the service sent it.
        Get-Content -Raw $report -Encoding utf8 | Should -Match ([regex]::Escape("``````text`n$phishing"))

        # Rendered by GitHub's own renderer where it is installed (.ci/run installs it): not one link, image or
        # tag, and each cell shows the service's characters, word joiners aside.
        $cmark = Get-Command cmark-gfm -CommandType Application -ErrorAction SilentlyContinue
        if (-not $cmark) { Set-ItResult -Skipped -Because 'cmark-gfm (GitHub''s Markdown renderer, Debian package cmark-gfm) is not installed'; return }
        $html = (Get-Content -Raw $report -Encoding utf8 | & $cmark[0].Source -e table -e autolink -e strikethrough -e tagfilter) -join "`n"
        $html | Should -Not -Match '<a\b|<img\b'
        $cells = @([regex]::Matches($html, '<td(?: [^>]*)?>(.*?)</td>').ForEach({ [System.Net.WebUtility]::HtmlDecode($_.Groups[1].Value).Replace("$wj", '') }))
        $cells[3] | Should -BeExactly $result.Answer
        $cells[4] | Should -BeExactly $title
        $cells[8] | Should -BeExactly $result.Failures[0]
        $listed = [regex]::Match($html, '<li>(Contains: .*?)</li>').Groups[1].Value
        [System.Net.WebUtility]::HtmlDecode($listed).Replace("$wj", '') | Should -BeExactly $result.Failures[0]
    }

    It 'writes one self-contained HTML page: summary, a row per case with answer and citations, failures marked, a latency chart, all escaped' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ text = "Refunds take 30 days. $hostile" }
        try {
            $report = Join-Path $work 'report.html'
            $results = Invoke-GptTrainerEvaluation -TestCase $cases -ChatbotUuid $bot.ChatbotUuid -ReportPath $report
        }
        finally { $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 } }
        $text = Get-Content -Raw $report
        # Well-formed, so it can be read back as XML (without the HTML doctype).
        $page = [xml]($text -replace '<!DOCTYPE html>', '')
        $ns = @{ svg = 'http://www.w3.org/2000/svg' }

        $page.html.head.title | Should -Be 'Chatbot answers: 0 of 2 cases passed, 2 failed'
        $page.SelectSingleNode("//p[@class='headline failed']").InnerText | Should -Be '0 of 2 cases passed, 2 failed'
        $rows = $page.SelectNodes('//tbody/tr')
        $rows.Count | Should -Be 2
        $rows[1].GetAttribute('class') | Should -Be 'failed'
        $rows[1].SelectSingleNode("td/div[@class='answer']").InnerText | Should -Be "Refunds take 30 days. $hostile"
        $rows[1].SelectSingleNode("td/ul[@class='failures']/li").InnerText | Should -Be $results[1].Failures[0]
        $rows[1].SelectSingleNode('td[2]').InnerText | Should -Be '2Hostile <b>'
        $text | Should -Not -Match '<script>'
        $text | Should -Match '&lt;script&gt;alert\(1\)&lt;/script&gt;'
        (Select-Xml -Xml $page -XPath '//svg:svg/svg:g' -Namespace $ns).Count | Should -Be 2
        # Nothing is fetched from anywhere: no scripts, links, images or external styles, and a policy that forbids them.
        $page.SelectNodes('//*[@src or @href]').Count | Should -Be 0
        $page.SelectNodes('//script | //link | //img | //iframe').Count | Should -Be 0
        $page.SelectSingleNode("//meta[@http-equiv='Content-Security-Policy']").content | Should -BeLike "default-src 'none'*"
    }

    It 'keeps the API key out of results and reports even when the service echoes it' {
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ text = "Your key is $($emulator.ApiKey), isn't it?" }
        try {
            $markdown = Join-Path $work 'echo.md'
            $html = Join-Path $work 'echo.html'
            $results = @(Invoke-GptTrainerEvaluation -TestCase $cases -ChatbotUuid $bot.ChatbotUuid -ReportPath $markdown)
            $null = $results | Invoke-GptTrainerEvaluation -ReportPath $html
        }
        finally { $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ pieceDelayMs = 5 } }

        $results[0].Answer | Should -Be "Your key is ********, isn't it?"
        ($results | ConvertTo-Json -Depth 6) | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        Get-Content -Raw $markdown | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        Get-Content -Raw $html | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
    }

    It 'writes the report in the format asked when the file''s name does not say, as a step summary needs' {
        $summary = Join-Path $work 'step_summary_1234'
        $null = Invoke-GptTrainerEvaluation -TestCase $cases[0] -ChatbotUuid $bot.ChatbotUuid -ReportPath $summary -ReportFormat Markdown
        Get-Content $summary -TotalCount 1 | Should -Be '## ✅ Chatbot answers: 1 of 1 case passed'
    }
}
