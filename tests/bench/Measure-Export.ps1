<#
.SYNOPSIS
Measures Export-GptTrainerConversation on 2,000 sessions of 10 messages each: time, requests and peak memory,
at -ThrottleLimit 1 and 8, and on a tenth of the sessions to show that memory does not grow with their number.

.DESCRIPTION
Runs against its own emulator on loopback, whose conversations are imported through its control API (a few
requests of 200 sessions each, not 20,000 questions). Each export runs in a pwsh process of its own, after a
warm-up, so that its memory is its own: the figure is the growth of the peak resident memory (Linux VmHWM,
reset before each run) above the resident memory just before the export. Times are the median of -Runs runs
[min-max]; request counts are what the emulator received, the same in every run, or the script fails.
Prints a table and returns it as Markdown, which Invoke-Benchmarks.ps1 adds to BENCHMARKS.md.

With -Uri, -Key and -ChatbotUuid it is that worker process instead, and writes one JSON line per run.
#>
[CmdletBinding()]
param(
    [int] $Runs = 3,
    [int] $Sessions = 2000,
    [int] $MessagesEach = 10,

    # Worker: the emulator and chatbot to export, and how.
    [string] $Uri,
    [string] $Key,
    [string] $ChatbotUuid,
    [int] $ThrottleLimit = 4
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$manifest = (Resolve-Path (Join-Path $root 'out/GptTrainer/*/GptTrainer.psd1')).Path

if ($Uri) {
    #region worker: one export per run, in this process, measured from inside
    Import-Module $manifest
    Connect-GptTrainer -ApiKey $Key -BaseUri $Uri -SkipCheck
    $file = Join-Path ([System.IO.Path]::GetTempPath()) "gpttrainer-bench-export-$PID.jsonl"
    $hasProc = Test-Path /proc/self/clear_refs
    function Get-Kilobytes([string] $field) { [long]((Get-Content /proc/self/status | Where-Object { $_ -like "${field}:*" }) -split '\s+')[1] }
    function Invoke-Control([string] $Path, [string] $Method = 'Get') {
        # Assigned first, so that a JSON array comes out as its items.
        $answer = Invoke-RestMethod -Method $Method -Uri "$Uri/_emulator/$Path"
        $answer
    }

    try {
        $null = Export-GptTrainerConversation -ChatbotUuid $ChatbotUuid -Path $file -ThrottleLimit $ThrottleLimit -InformationAction Ignore -ProgressAction SilentlyContinue
        foreach ($run in 1..$Runs) {
            $null = Invoke-Control 'requests' -Method Delete
            [GC]::Collect()
            [GC]::WaitForPendingFinalizers()
            if ($hasProc) {
                # Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size.
                $clear = [System.IO.FileStream]::new('/proc/self/clear_refs', [System.IO.FileMode]::Open, [System.IO.FileAccess]::Write)
                try { $clear.Write([byte[]](0x35), 0, 1) } finally { $clear.Dispose() }
            }
            $before = if ($hasProc) { Get-Kilobytes VmRSS } else { 0 }
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $result = Export-GptTrainerConversation -ChatbotUuid $ChatbotUuid -Path $file -ThrottleLimit $ThrottleLimit -InformationAction Ignore -ProgressAction SilentlyContinue
            $watch.Stop()
            $peak = if ($hasProc) { Get-Kilobytes VmHWM } else { 0 }
            $requests = @(Invoke-Control 'requests')
            [pscustomobject]@{
                Run       = $run
                Seconds   = $watch.Elapsed.TotalSeconds
                GrowthKB  = if ($hasProc) { $peak - $before } else { $null }
                Lists     = @($requests | Where-Object path -Like '*/sessions').Count
                Fetches   = @($requests | Where-Object { $_.path -match '^/api/v1/session/[0-9a-f]{32}$' }).Count
                Messages  = @($requests | Where-Object path -Like '*/messages').Count
                Requests  = $requests.Count
                Records   = $result.Messages
                Sessions  = $result.SessionsExported
                FileBytes = (Get-Item $file).Length
            } | ConvertTo-Json -Compress
        }
    }
    finally {
        Remove-Item $file -ErrorAction SilentlyContinue
    }
    return
    #endregion
}

Import-Module (Join-Path $root 'tests/tools/GptTrainerEmulator.psm1') -Force
Import-Module $manifest -Force

function Format-Median([double[]] $values, [string] $format, [double] $scale = 1) {
    $sorted = @($values | Sort-Object)
    $median = $sorted[[int][Math]::Floor($sorted.Count / 2)]
    "$($format -f ($median * $scale)) [$($format -f ($sorted[0] * $scale))-$($format -f ($sorted[-1] * $scale))]"
}

function Add-Conversations([string] $Chatbot, [int] $Count) {
    # What a support chatbot's day looks like: half the visitors filled in the lead form, answers cite
    # sources, some are labelled, rated, cut short or failed.
    $answer = 'You can return an item within 30 days of delivery [1.1]. Refunds reach your card within five working days once the parcel is back with us [1.2]. Items bought on sale can be exchanged but not refunded, and gift cards cannot be returned at all [2.1]. If the item arrived damaged, send a photo first and we will collect it at no cost to you.'
    $cites = @{ '1.1' = @{ title = 'Returns policy'; data_source_uuid = 'a' * 32 }; '1.2' = @{ title = 'Returns policy'; data_source_uuid = 'a' * 32 }; '2.1' = @{ title = 'Sales terms'; data_source_uuid = 'b' * 32 } }
    $start = [datetime]::new(2025, 3, 1, 8, 0, 0, [DateTimeKind]::Utc)
    for ($first = 0; $first -lt $Count; $first += 200) {
        $batch = foreach ($s in $first..([Math]::Min($first + 200, $Count) - 1)) {
            $created = $start.AddMinutes(7 * $s)
            $meta = if ($s % 2) { @{ user = @{ email = "visitor$s@example.org"; name = "Visitor $s" } } } else { @{} }
            @{
                created_at = $created.ToString('yyyy-MM-ddTHH:mm:ssZ')
                meta       = $meta
                messages   = @(foreach ($m in 1..$MessagesEach) {
                        @{
                            query          = "Question $m of visitor $($s): how do I return an item I bought last week?"
                            response       = $answer
                            created_at     = $created.AddSeconds(20 * $m).ToString('yyyy-MM-ddTHH:mm:ssZ')
                            cite_data_json = $cites
                            labels         = @(if ($m % 3 -eq 0) { 'returns' })
                            feedback_json  = if ($m % 4 -eq 0) { @{ rating = 'up' } } else { $null }
                            finish_reason  = if ($m % 10 -eq 0) { 'length' } else { 'stop' }
                        }
                    })
            }
        }
        $null = Invoke-Emulator $emulator "chatbots/$Chatbot/sessions" -Method Post -Body @{ sessions = @($batch) }
    }
}

function Measure-Case([string] $Name, [string] $Chatbot, [int] $Limit, [int] $LatencyMs, [int] $Count) {
    if ($LatencyMs) {
        # Every message list of the warm-up and the measured runs waits before it is answered.
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'GET'; path = '/messages$'; stallBeforeHeadersMs = $LatencyMs; times = $Count * ($Runs + 1) }
    }
    $lines = & dotnet pwsh -NoProfile -NonInteractive -File $PSCommandPath -Uri $emulator.Uri -Key $emulator.ApiKey -ChatbotUuid $Chatbot -ThrottleLimit $Limit -Runs $Runs
    if ($LASTEXITCODE -ne 0) { throw "The export measurement failed: $lines" }
    $null = Invoke-Emulator $emulator 'faults' -Method Delete
    $measured = @($lines | ForEach-Object { $_ | ConvertFrom-Json })
    if ($measured.Count -ne $Runs) { throw "The export measurement failed: $lines" }
    $requests = @($measured | ForEach-Object { '{0:N0} ({1} list, {2:N0} sessions, {3:N0} message lists)' -f $_.Requests, $_.Lists, $_.Fetches, $_.Messages } | Sort-Object -Unique)
    if ($requests.Count -ne 1) { throw "$Name sent different requests from run to run: $($requests -join ' / ')" }
    $memory = if ($null -ne $measured[0].GrowthKB) { Format-Median $measured.GrowthKB '{0:N1}' (1 / 1024) } else { '-' }
    $row = [pscustomobject]@{
        Measure  = $Name
        Time     = Format-Median $measured.Seconds '{0:N2}'
        Rate     = '{0:N0}' -f ($measured[0].Records / @($measured.Seconds | Sort-Object)[[int][Math]::Floor($Runs / 2)])
        Requests = $requests[0]
        Memory   = $memory
        Written  = '{0:N0} records, {1:N1} MB' -f $measured[0].Records, ($measured[0].FileBytes / 1e6)
    }
    Write-Host ('  {0,-58} {1,-22} {2,-10} {3}' -f $row.Measure, "$($row.Time) s", "$($row.Memory) MiB", $row.Requests) -ForegroundColor DarkGray
    $row
}

Write-Host ('Export-GptTrainerConversation, {0:N0} sessions of {1} messages each:' -f $Sessions, $MessagesEach)
$latencyMs = 20
$emulator = Start-GptTrainerEmulator -PieceDelayMs 0
try {
    Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -SkipCheck
    $seedWatch = [System.Diagnostics.Stopwatch]::StartNew()
    $big = New-GptTrainerChatbot -Name 'Bench export'
    Add-Conversations $big.ChatbotUuid $Sessions
    $small = New-GptTrainerChatbot -Name 'Bench export, a tenth'
    Add-Conversations $small.ChatbotUuid ([int]($Sessions / 10))
    Write-Host ("  (imported in {0:N1} s)" -f $seedWatch.Elapsed.TotalSeconds) -ForegroundColor DarkGray

    $rows = @(
        Measure-Case ('{0:N0} sessions, -ThrottleLimit 1' -f $Sessions) $big.ChatbotUuid 1
        Measure-Case ('{0:N0} sessions, -ThrottleLimit 8' -f $Sessions) $big.ChatbotUuid 8
        Measure-Case ('{0:N0} sessions, -ThrottleLimit 8' -f [int]($Sessions / 10)) $small.ChatbotUuid 8
        # Loopback has no latency to hide, so parallel reads only compete with the emulator for the same cores
        # there; a service answers each read after a while, which is what -ThrottleLimit is for.
        foreach ($limit in 1, 8) {
            Measure-Case ('{0:N0} sessions, {1} ms per message list, -ThrottleLimit {2}' -f [int]($Sessions / 10), $latencyMs, $limit) $small.ChatbotUuid $limit $latencyMs ([int]($Sessions / 10))
        }
    )
}
finally {
    $emulator | Stop-GptTrainerEmulator
}

$lines = @(
    ''
    ('## Export-GptTrainerConversation: {0:N0} sessions of {1} messages' -f $Sessions, $MessagesEach)
    ''
    "Each time is the median of $Runs runs after a warm-up, [min-max], on loopback against the emulator, writing JSON Lines; each"
    'export runs in a pwsh process of its own. Peak memory is the growth of the peak resident memory (Linux VmHWM, reset'
    'before each run) above the resident memory just before the export: it does not grow with the number of sessions.'
    'The requests are what the emulator received, the same in every run: the session list carries no lead form, so each'
    'session is read as well as its messages. On loopback, parallel reads only compete with the emulator for the same'
    'cores; the rows with a latency per message list (a fault rule holds each one) show what `-ThrottleLimit` is for.'
    'Measured by `tests/bench/Measure-Export.ps1`.'
    ''
    '| Measure | Time (s) | Records/s | Requests | Peak memory growth (MiB) | Written |'
    '|---|---|---|---|---|---|'
    $rows | ForEach-Object { "| $($_.Measure) | $($_.Time) | $($_.Rate) | $($_.Requests) | $($_.Memory) | $($_.Written) |" }
)
$lines -join "`n"
