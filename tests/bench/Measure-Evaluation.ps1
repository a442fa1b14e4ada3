<#
.SYNOPSIS
Measures Invoke-GptTrainerEvaluation with many cases at once against the emulator, whose every reply
takes the same fixed time.

.DESCRIPTION
With a reply of R ms, C cases at T at once can take no less than C x R / T: the ideal. Each measured
run evaluates -Cases cases with -ThrottleLimit, after a warm-up, and reports its wall time against
the ideal (the ratio is ideal / wall, 1.0 being no overhead at all), the most replies the emulator
streamed at once, and the connections used: the distinct connections the emulator saw API requests
on. Run it in a process of its own, so that the connection pool holds nothing from elsewhere.

Prints a summary; with -AsJson, writes one JSON line per measured run instead, for Invoke-Benchmarks.ps1.
#>
[CmdletBinding()]
param(
    [int] $Cases = 200,
    [int] $ThrottleLimit = 8,
    [int] $ReplyMs = 250,
    [int] $Runs = 3,
    [switch] $AsJson
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $root 'tests/tools/GptTrainerEmulator.psm1') -Force
Import-Module (Resolve-Path (Join-Path $root 'out/GptTrainer/*/GptTrainer.psd1')).Path -Force

$emulator = Start-GptTrainerEmulator -PieceDelayMs 0
try {
    Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -SkipCheck
    $bot = New-GptTrainerChatbot -Name 'Evaluation bench'
    # Every reply lasts exactly ReplyMs, its pieces spread over it, whatever the question.
    $null = Invoke-Emulator $emulator 'reply' -Method Post -Body @{ durationMs = $ReplyMs; text = 'A reply of a fixed length, written a few words at a time over a fixed time.' }
    $testCases = @(1..$Cases | ForEach-Object { @{ Name = "case $_"; Question = "Question number $($_)?"; Contains = 'fixed length' } })
    $ideal = $Cases * $ReplyMs / $ThrottleLimit

    # Warm-up: JIT in both processes, and the pool's connections.
    $null = Invoke-GptTrainerEvaluation -TestCase $testCases[0..(2 * $ThrottleLimit - 1)] -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit $ThrottleLimit

    $measured = foreach ($run in 1..$Runs) {
        $null = Invoke-Emulator $emulator 'requests' -Method Delete
        $null = Invoke-Emulator $emulator 'stats/reset' -Method Post
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(Invoke-GptTrainerEvaluation -TestCase $testCases -ChatbotUuid $bot.ChatbotUuid -ThrottleLimit $ThrottleLimit -ProgressAction SilentlyContinue)
        $wallMs = $watch.Elapsed.TotalMilliseconds
        $stats = Invoke-Emulator $emulator 'stats'
        $requests = @(Get-EmulatorRequest $emulator)
        $failed = @($results | Where-Object { -not $_.Passed })
        if ($results.Count -ne $Cases -or $failed) { throw "Run ${run}: $($failed.Count) of $($results.Count) cases failed: $($failed[0].Failures)" }
        [pscustomobject]@{
            Run                 = $run
            Cases               = $Cases
            ThrottleLimit       = $ThrottleLimit
            ReplyMs             = $ReplyMs
            WallMs              = [Math]::Round($wallMs, 1)
            IdealMs             = $ideal
            ShareOfIdeal        = [Math]::Round($ideal / $wallMs, 4)
            PeakReplies         = $stats.streamsPeak
            ConnectionsUsed     = @($requests.connectionId | Sort-Object -Unique).Count
            Requests            = $requests.Count
        }
    }
}
finally {
    $emulator | Stop-GptTrainerEmulator
}

if ($AsJson) {
    $measured | ForEach-Object { $_ | ConvertTo-Json -Compress }
    return
}

$measured | Format-Table Run, WallMs, IdealMs, ShareOfIdeal, PeakReplies, ConnectionsUsed, Requests | Out-Host
$median = @($measured.ShareOfIdeal | Sort-Object)[[int][Math]::Floor($Runs / 2)]
Write-Host ("{0} cases, {1} at once, {2} ms a reply: ideal {3:N0} ms; median wall time at {4:P1} of ideal (target 85%); at most {5} connections used (target {1})." -f `
        $Cases, $ThrottleLimit, $ReplyMs, $ideal, $median, ($measured.ConnectionsUsed | Measure-Object -Maximum).Maximum)
