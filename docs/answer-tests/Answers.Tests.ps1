<#
Answer regression tests for a GPT-trainer chatbot: one Pester test per case of answers.psd1.

Needs Pester 5.5 or later and GptTrainer on the module path, the API key in GPTTRAINER_API_KEY (and
GPTTRAINER_BASE_URL for a white-label host), and the chatbot's name or uuid in GPTTRAINER_CHATBOT or
-Chatbot. Invoke-AnswerTests.ps1 runs it and writes JUnit XML for the CI server.
#>
param(
    [string] $Chatbot = $env:GPTTRAINER_CHATBOT,
    [string] $CaseFile = (Join-Path $PSScriptRoot 'answers.psd1')
)

BeforeDiscovery {
    # One test per case: Pester needs the cases while it discovers the tests, before any of them runs.
    $cases = (Import-PowerShellDataFile -Path $CaseFile).Cases
}

BeforeAll {
    Import-Module GptTrainer
    # Reads GPTTRAINER_API_KEY (and GPTTRAINER_BASE_URL), and checks the key once, so that a wrong key
    # fails here with one clear error instead of once per test.
    Connect-GptTrainer
    $bot = @(Get-GptTrainerChatbot $Chatbot)
    if ($bot.Count -ne 1) { throw "Expected one chatbot named '$Chatbot', found $($bot.Count)." }
}

Describe 'Chatbot answers' {
    It '<Name>' -ForEach $cases {
        # A fresh session per case, so that no earlier question colours the answer.
        $session = New-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid
        $message = Send-GptTrainerMessage -Query $Question -SessionUuid $session.SessionUuid -AsMessage

        foreach ($text in $Contains) {
            $message.Response | Should -BeLike "*$([WildcardPattern]::Escape($text))*" -Because "the answer to '$Question' must mention it"
        }
        foreach ($text in $NotContains) {
            $message.Response | Should -Not -BeLike "*$([WildcardPattern]::Escape($text))*" -Because "the answer to '$Question' must not say it"
        }
        foreach ($pattern in $Match) {
            $message.Response | Should -Match $pattern
        }
        if ($CitesSource) {
            $message | Should -CiteSource $CitesSource
        }
    }
}
