<#
.SYNOPSIS
Runs the chatbot answer tests and writes their results as JUnit XML for the CI server.

.DESCRIPTION
Copy this folder into your repository, list your chatbot's key questions in answers.psd1, and run
this script in a CI step with GPTTRAINER_API_KEY (a secret) and GPTTRAINER_CHATBOT set. It exits
with the number of tests that failed, so the step fails when an answer regressed; the JUnit XML
file gives the CI server a test report with each failure's message.

.EXAMPLE
./Invoke-AnswerTests.ps1 -Chatbot 'Acme support' -OutputPath ./answer-tests.xml
#>
[CmdletBinding()]
param(
    [string] $Chatbot = $env:GPTTRAINER_CHATBOT,
    [string] $OutputPath = 'answer-tests.xml'
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module Pester | Where-Object Version -GE '5.5.0')) {
    Import-Module Pester -MinimumVersion 5.5.0
}

$config = New-PesterConfiguration
$config.Run.Container = New-PesterContainer -Path (Join-Path $PSScriptRoot 'Answers.Tests.ps1') -Data @{ Chatbot = $Chatbot }
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'JUnitXml'
$config.TestResult.OutputPath = $OutputPath

$result = Invoke-Pester -Configuration $config
exit ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount)
