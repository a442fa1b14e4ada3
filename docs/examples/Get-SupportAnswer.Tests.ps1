# Tests of Get-SupportAnswer against the GPT-trainer emulator: no account, no key, no network.
# Needs Pester 5, the GptTrainer.Emulator module and the gpttrainer-emulator tool on PATH.
BeforeAll {
    . $PSScriptRoot/Get-SupportAnswer.ps1
    Import-Module GptTrainer.Emulator

    # One emulator for the file, holding this suite's knowledge base; replies arrive without pauses.
    $emulator = Start-GptTrainerEmulator -Seed $PSScriptRoot/support-seed.json -PieceDelayMs 0
    # Short waits between retries; a Retry-After header is still waited out exactly.
    $emulator | Connect-GptTrainerEmulator -FirstRetryDelayMs 10
    $question = 'How long do I have to return an item?'
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Get-SupportAnswer' {
    BeforeEach {
        # Every test starts from the seed, with no faults and an empty request log.
        $emulator | Reset-GptTrainerEmulator
    }

    It 'replies with an answer from the knowledge base, citing it' {
        $result = Get-SupportAnswer $question

        $result.Action | Should -Be 'Reply'
        $result.Answer | Should -Match '30 days'
        $result.Sources | Should -Be 'Returns policy'
    }

    It 'hands a question the knowledge base cannot answer to a person' {
        $result = Get-SupportAnswer 'Can I pay with seashells?'

        $result.Action | Should -Be 'Escalate'
        $result.Sources | Should -BeNullOrEmpty
    }

    It 'waits as long as a 429 answer''s Retry-After asks, then asks again' {
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 429 -RetryAfterSec 1 -Path '*/message/stream'
        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()

        $result = Get-SupportAnswer $question

        $stopwatch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1
        $result.Action | Should -Be 'Reply'
        @(Get-GptTrainerEmulatorRequest $emulator -Path '*/message/stream').Count | Should -Be 2
    }

    It 'reports a server error as an error, without asking twice' {
        $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Path '*/message/stream'

        { Get-SupportAnswer $question } | Should -Throw -ErrorId 'Http500,*'
        @(Get-GptTrainerEmulatorRequest $emulator -Path '*/message/stream').Count | Should -Be 1
    }

    It 'gives up on a chatbot that stays silent for longer than its timeout' {
        $emulator | Add-GptTrainerEmulatorFault -StallSec 30 -Path '*/message/stream'
        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()

        { Get-SupportAnswer $question -TimeoutSec 1 } | Should -Throw -ErrorId 'IdleTimeout,*'
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'keeps what arrived of a reply cut off midway, and hands it to a person' {
        $emulator | Add-GptTrainerEmulatorFault -CutAfterBytes 20 -Path '*/message/stream'

        $cut = Get-SupportAnswer $question -WarningVariable warnings -WarningAction SilentlyContinue
        $whole = Get-SupportAnswer $question

        $cut.Action | Should -Be 'Escalate'
        $cut.Answer | Should -Not -BeNullOrEmpty
        $cut.Answer.Length | Should -BeLessThan $whole.Answer.Length
        $whole.Answer.Substring(0, $cut.Answer.Length) | Should -BeExactly $cut.Answer
        $warnings | Should -BeLike '*cut off*'
    }
}
