@{
    Synopsis    = 'Asks a chatbot the questions of a set of test cases and checks every reply: answer regression tests for CI.'
    Description = @'
Invoke-GptTrainerEvaluation runs test cases against a chatbot and writes one GptTrainer.Models.EvaluationResult per case, in the order given. Each case runs in a fresh session (POST /api/v1/chatbot/{uuid}/session/create), asks its question (POST /api/v1/session/{uuid}/message/stream), reads the stored message for its citations and finish reason (GET /api/v1/session/{uuid}/messages), and applies its checks to the reply.

A case is a hashtable or object with a Question and any of these checks. Field names are not case-sensitive.

Contains: one or more texts that must all appear in the answer, ignoring case. NotContains: texts that must not appear. Match: one or more regular expressions the answer must match; like PowerShell's -match they ignore case unless the pattern starts with (?-i), and a pattern that runs longer than 2 seconds on an answer counts as not matching. CitesSource: one or more data source titles or uuids that must be among the reply's citations (the chatbot must show citations). MaxFirstPieceMs: the longest wait, in milliseconds, from sending the question to the first piece of the reply. MaxDurationMs: the longest time, in milliseconds, to the end of the reply. FinishReason: how the reply must end, such as stop (length means the token limit cut it). Name: a label for reports.

A case can be a short conversation instead: Questions, a list asked in order in one session, with the checks applied to the last reply.

-TestCase also takes paths (wildcards allowed) to .json, .csv or .psd1 files of cases. JSON: a list of case objects, or {"cases": [...]}. PowerShell data file: @{ Cases = @( @{ Question = '...'; Contains = '...' } ) }, read as data only, as Import-PowerShellDataFile reads it. CSV: a header row of field names, then a case per row; empty cells are checks not given, and a cell holds several values separated by | (except Match, whose | means "or" in a regular expression).

Every case is checked before any question is sent; with -WhatIf, that is all that happens. A case without a question, with a field that is not a check, with a regular expression that does not compile or with a value of the wrong kind, and a file that cannot be read, are each an error naming the case and the field (error id InvalidTestCase, TestCaseFileNotReadable, InvalidTestCaseFile or UnsupportedTestCaseFile), and then the command stops with InvalidTestCases without asking anything.

-ThrottleLimit cases run at once (4 by default), sharing the module's one connection pool, so no more connections are opened than cases run at once. The module's retry rules hold: a 429 or 503 is waited out as its Retry-After asks and tried again without failing the case, and a question is never sent twice otherwise. The times measured start from the attempt that was answered, so a wait the service asked for does not count against MaxFirstPieceMs or MaxDurationMs. A case whose request fails (a 500, a reply cut off, a timeout) is a failed result carrying the error in Error and a sentence in Failures; the other cases go on.

-Repeat runs each case several times, each in a fresh session; a case passes when at least the -PassThreshold share of its runs pass. Replies of a language model vary, so a threshold below 1 keeps a suite from failing on one unlucky reply.

A progress bar follows the cases. -ReportPath writes a report when the run ends: Markdown (.md) for a CI step summary, a pass/fail line, a table with a row per case and the answer of every failed case; or HTML (.html), one self-contained file with a summary, a table of every case with its answer and citations, failures highlighted, and a latency chart in inline SVG, nothing fetched from elsewhere. Every answer is escaped in both. In Markdown, text from the service and the cases (answers, failures, citation titles) stays text: Markdown's punctuation is escaped, and an invisible word joiner (U+2060) goes before "://", between "www" and "." and after "@", so that GitHub turns no web or mail address into a link; the answer of a failed case is also shown exactly as written, in a code block.
'@
    Parameters  = @{
        TestCase      = 'The test cases: hashtables or objects with a Question (or Questions) and checks, paths to .json, .csv or .psd1 files of cases (wildcards are expanded; files from Get-ChildItem can be piped), or results of an earlier run, whose cases run again. Takes pipeline input.'
        ChatbotUuid   = 'The chatbot to ask; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects, so piped chatbots are each asked every case given with -TestCase, and piped results run again against the chatbot they came from.'
        ThrottleLimit = 'How many cases run at once, 1 to 64; 4 by default, so that a suite stays well inside the service''s rate limits. With -Repeat, each run counts as one.'
        Repeat        = 'How many times each case runs, each time in a fresh session; 1 by default.'
        PassThreshold = 'The share of its runs, from 0 to 1, a case must pass to pass: with -Repeat 5 -PassThreshold 0.8, four runs of five. 1 by default: every run must pass.'
        ReportPath    = 'A file to write the report to when every case has run: .md (Markdown, for CI step summaries) or .html (one self-contained page). The folder must exist; the file is replaced. Refused before any question when its format is unknown.'
        ReportFormat  = 'Markdown or Html: the report''s format when -ReportPath does not end in .md or .html, as with GitHub''s $env:GITHUB_STEP_SUMMARY file.'
    }
    Inputs      = @{
        'System.Object'                       = 'Test cases by value: hashtables, objects, file paths or FileInfo objects.'
        'GptTrainer.Models.EvaluationResult'  = 'Results of an earlier run, to run their cases again (for example only those that failed).'
        'GptTrainer.Models.Chatbot'           = 'Chatbots, by the property name ChatbotUuid, when the cases are given with -TestCase.'
    }
    Outputs     = @{
        'GptTrainer.Models.EvaluationResult' = 'One per case, in the order given: Case, Name, Question, Questions, Passed, Failures (one sentence per failed check, naming it and what was seen), Answer, Citations, FinishReason, FirstPieceMs, DurationMs, SessionUuid, Runs, PassedRuns, Error, RunResults (one GptTrainer.Models.EvaluationRun per run), TestCase and Source. With -Repeat, the answer, times and session are those of the first failed run of a failed case, or of the last passing run of a passed one.'
    }
    Notes       = @'
In Pester, Should -CiteSource checks an evaluation result or a message: $result | Should -CiteSource 'Returns policy'. See about_GptTrainer and docs/answer-tests.md for a data-driven Pester suite with JUnit XML output.

Every question asked uses message credits, once per case and run.
'@
    Examples    = @(
        @{
            Code    = 'Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @{ Question = ''How long do refunds take?''; Contains = ''30 days''; CitesSource = ''Returns policy'' }'
            Remarks = 'Asks one question in a fresh session and checks that the answer mentions 30 days and cites the source titled Returns policy.'
        }
        @{
            Code    = 'Invoke-GptTrainerEvaluation ./tests/answers.psd1 -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit 8 -ReportPath ./answers.html'
            Remarks = 'Runs every case of a data file, eight at once, and writes an HTML report to open in a browser.'
        }
        @{
            Code    = '$results = Invoke-GptTrainerEvaluation ./cases.json -Repeat 5 -PassThreshold 0.8 -ReportPath $env:GITHUB_STEP_SUMMARY -ReportFormat Markdown
if ($results.Where({ -not $_.Passed })) { exit 1 }'
            Remarks = 'In a GitHub Actions step: each case runs five times and passes when four runs pass; the summary appears on the run''s page, and the step fails when a case failed.'
        }
        @{
            Code    = '@{ Name = ''Follow-up''; Questions = ''Which plans do you offer?'', ''And which one includes support?''; Match = ''\bpremium\b'' } | Invoke-GptTrainerEvaluation'
            Remarks = 'A short conversation with the current chatbot: both questions are asked in order in one session, and the check applies to the second reply.'
        }
        @{
            Code    = '$results = Invoke-GptTrainerEvaluation ./cases.json
$results | Where-Object { -not $_.Passed } | Invoke-GptTrainerEvaluation'
            Remarks = 'Runs only the cases that failed again, against the chatbot they ran against.'
        }
        @{
            Code    = 'Invoke-GptTrainerEvaluation ./cases.csv | Where-Object { -not $_.Passed } | Format-List Case, Question, Failures, Answer'
            Remarks = 'Shows why each failed case failed, and what it answered.'
        }
        @{
            Code    = 'Invoke-GptTrainerEvaluation ./cases.json -WhatIf'
            Remarks = 'Checks every case of the file and says how many questions a run would ask, without asking any.'
        }
    )
    Links       = @('Send-GptTrainerMessage', 'New-GptTrainerSession', 'about_GptTrainer')
}
