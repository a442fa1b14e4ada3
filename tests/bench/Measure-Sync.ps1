<#
.SYNOPSIS
Measures Sync-GptTrainerDataSource on a folder of 500 small files: the first sync, an unchanged second
sync and a sync after one file was edited, with the requests the emulator received for each.

.DESCRIPTION
Runs against its own emulator on loopback. Each figure is the median of -Runs runs (after a warm-up)
with the minimum and maximum; request counts are exact and the same in every run, or the script
fails. Prints a table and returns it as Markdown, which Invoke-Benchmarks.ps1 adds to BENCHMARKS.md.
#>
[CmdletBinding()]
param(
    [int] $Runs = 5,
    [int] $FileCount = 500
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $root 'tests/tools/GptTrainerEmulator.psm1') -Force
Import-Module (Resolve-Path (Join-Path $root 'out/GptTrainer/*/GptTrainer.psd1')).Path -Force

. (Join-Path $PSScriptRoot 'Timing.ps1')

function Get-RequestSummary {
    <# The requests of the last run, by kind, e.g. "1 list, 500 uploads, 500 titles, 0 removals". #>
    $requests = @(Invoke-Emulator $emulator 'requests')
    $lists = @($requests | Where-Object { $_.method -eq 'GET' }).Count
    $uploads = @($requests | Where-Object { $_.path -like '*/data-source/upload' }).Count
    $titles = @($requests | Where-Object { $_.path -like '*/data-source/*/update' }).Count
    $removals = @($requests | Where-Object { $_.path -like '*/delete' }).Count
    if ($lists + $uploads + $titles + $removals -ne $requests.Count) { throw "Unexpected requests: $($requests.path -join ', ')" }
    $(foreach ($kind in @(@($lists, 'list'), @($uploads, 'upload'), @($titles, 'title'), @($removals, 'removal'))) { "$($kind[0]) $($kind[1])$(if ($kind[0] -ne 1) { 's' })" }) -join ', '
}

function Measure-Sync([string] $ChatbotUuid, [string] $Folder, [hashtable] $With = @{}) {
    $null = Invoke-Emulator $emulator 'requests' -Method Delete
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $results = @(Sync-GptTrainerDataSource -ChatbotUuid $ChatbotUuid -Path $Folder @With -InformationAction Ignore)
    $watch.Stop()
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Requests = Get-RequestSummary; Actions = ($results | Group-Object Action | Sort-Object Name | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', ' }
}

function Measure-Case([string] $Name, [scriptblock] $Run) {
    $null = & $Run
    $measured = @(foreach ($i in 1..$Runs) { & $Run })
    $requests = @($measured.Requests | Sort-Object -Unique)
    if ($requests.Count -ne 1) { throw "$Name sent different requests from run to run: $($requests -join ' / ')" }
    $row = [pscustomobject]@{ Measure = $Name; Time = Format-Seconds $measured.Seconds; Requests = $requests[0]; Outcome = $measured[-1].Actions }
    Write-Host ('  {0,-44} {1,-22} {2}' -f $row.Measure, $row.Time, $row.Requests) -ForegroundColor DarkGray
    $row
}

function New-Folder([string] $Name, [int] $Count) {
    $folder = Join-Path $work $Name
    foreach ($i in 1..$Count) {
        $sub = Join-Path $folder ('section{0:D2}' -f ($i % 10))
        $null = New-Item -ItemType Directory -Path $sub -Force
        [System.IO.File]::WriteAllText((Join-Path $sub ('article{0:D3}.md' -f $i)), "# Article $i`n`n" + ("Paragraph $i explains one more thing about anvils. " * 20))
    }
    $folder
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) "gpttrainer-bench-sync-$([guid]::NewGuid().ToString('N'))"
$folder = New-Folder 'knowledge' $FileCount
$slowFolder = New-Folder 'slow' 100
$latencyMs = 50

Write-Host "Sync-GptTrainerDataSource, $FileCount files of about 1 KB each:"
$emulator = Start-GptTrainerEmulator -PieceDelayMs 0
try {
    Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -SkipCheck
    $rows = [System.Collections.Generic.List[object]]::new()
    $rows.Add((Measure-Case "first sync ($FileCount uploads, -ThrottleLimit 4)" {
        Measure-Sync (New-GptTrainerChatbot -Name 'Bench first').ChatbotUuid $folder @{ Recurse = $true }
    }))
    $rows.Add((Measure-Case 'first sync, -ThrottleLimit 1' {
        Measure-Sync (New-GptTrainerChatbot -Name 'Bench serial').ChatbotUuid $folder @{ Recurse = $true; ThrottleLimit = 1 }
    }))

    # Loopback has no latency to hide, so parallel uploads only compete for the same two cores there; a
    # service answers each upload after a while, which is what -ThrottleLimit is for. A fault rule holds
    # each upload for $latencyMs ms before answering, as a stand-in for that.
    foreach ($limit in 1, 4) {
        $rows.Add((Measure-Case "first sync of 100 files, $latencyMs ms per upload, -ThrottleLimit $limit" {
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/data-source/upload$'; stallBeforeHeadersMs = $latencyMs; times = 100 }
            Measure-Sync (New-GptTrainerChatbot -Name 'Bench latency').ChatbotUuid $slowFolder @{ Recurse = $true; ThrottleLimit = $limit }
        }))
    }

    $bot = New-GptTrainerChatbot -Name 'Bench steady'
    $null = Measure-Sync $bot.ChatbotUuid $folder @{ Recurse = $true }
    $rows.Add((Measure-Case 'second sync, nothing changed (-Prune)' {
        Measure-Sync $bot.ChatbotUuid $folder @{ Recurse = $true; Prune = $true }
    }))

    # Every source processed before each run, so that what a run may remove is the same every time: the
    # previous version of an edited file goes once its new version is processed, which takes -Wait.
    $edits = 0
    $rows.Add((Measure-Case 'sync after editing one file (-Prune)' {
        $script:edits++
        $file = Join-Path $folder 'section01/article001.md'
        [System.IO.File]::AppendAllText($file, "Edit $script:edits.")
        Complete-GptTrainerEmulatorProcessing $emulator
        Measure-Sync $bot.ChatbotUuid $folder @{ Recurse = $true; Prune = $true }
    }))
    $waited = New-GptTrainerChatbot -Name 'Bench waited'
    $null = Measure-Sync $waited.ChatbotUuid $folder @{ Recurse = $true }
    $rows.Add((Measure-Case 'sync after editing one file (-Prune -Wait)' {
        $script:edits++
        $file = Join-Path $folder 'section01/article001.md'
        [System.IO.File]::AppendAllText($file, "Edit $script:edits.")
        Complete-GptTrainerEmulatorProcessing $emulator
        Measure-Sync $waited.ChatbotUuid $folder @{ Recurse = $true; Prune = $true; Wait = $true }
    }))
}
finally {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

$lines = @(
    ''
    "## Sync-GptTrainerDataSource: a folder of $FileCount small files"
    ''
    "Each time is the median of $Runs runs after a warm-up, [min-max], on loopback against the emulator; the requests are what the"
    'emulator received, the same in every run. Measured by `tests/bench/Measure-Sync.ps1`. On loopback, parallel uploads'
    'only compete with the emulator for the same cores; the rows with a latency per upload (a fault rule holds each one) show'
    'what `-ThrottleLimit` is for.'
    ''
    '| Measure | Time | Requests | Outcome |'
    '|---|---|---|---|'
    $rows | ForEach-Object { "| $($_.Measure) | $($_.Time) | $($_.Requests) | $($_.Outcome) |" }
)
$lines -join "`n"
