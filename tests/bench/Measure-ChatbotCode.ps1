<#
.SYNOPSIS
Measures chatbot as code on a chatbot of 10 agents, 20 source tags and 500 data sources: its export, an
unchanged export, an import into a new chatbot, an import that finds nothing to do, and a comparison,
with the requests the emulator received for each.

.DESCRIPTION
Runs against its own emulator on loopback. The chatbot holds 400 Q&A pairs, 50 web pages and 50 uploaded
files (synced from a folder, which the imports are given as -SourcePath), 20 tags of 25 sources each and
10 agents naming 20 sources each, two of them with a tool function. Each figure is the median of -Runs
runs (after a warm-up) with the minimum and maximum; request counts are exact and the same in every run,
or the script fails. Prints a table and returns it as Markdown, which Invoke-Benchmarks.ps1 adds to
BENCHMARKS.md.
#>
[CmdletBinding()]
param(
    [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $root 'tests/tools/GptTrainerEmulator.psm1') -Force
Import-Module (Resolve-Path (Join-Path $root 'out/GptTrainer/*/GptTrainer.psd1')).Path -Force

. (Join-Path $PSScriptRoot 'Timing.ps1')

function Get-RequestSummary {
    <# The requests of the last run by kind, e.g. "4 reads, 450 creates, 10 updates, 0 uploads, 0 removals". #>
    $requests = @(Invoke-Emulator $emulator 'requests')
    $reads = @($requests | Where-Object method -EQ 'GET').Count
    $uploads = @($requests | Where-Object path -Like '*/data-source/upload').Count
    $removals = @($requests | Where-Object path -Like '*/delete').Count
    $updates = @($requests | Where-Object path -Like '*/update').Count
    $creates = $requests.Count - $reads - $uploads - $removals - $updates
    $(foreach ($kind in @(@($reads, 'read'), @($creates, 'create'), @($updates, 'update'), @($uploads, 'upload'), @($removals, 'removal'))) { "$($kind[0]) $($kind[1])$(if ($kind[0] -ne 1) { 's' })" }) -join ', '
}

function Measure-Step([scriptblock] $Step) {
    $null = Invoke-Emulator $emulator 'requests' -Method Delete
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = @(& $Step)
    $watch.Stop()
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Requests = Get-RequestSummary; Output = $output.Count }
}

function Measure-Case([string] $Name, [scriptblock] $Run) {
    $null = & $Run
    $measured = @(foreach ($i in 1..$Runs) { & $Run })
    $requests = @($measured.Requests | Sort-Object -Unique)
    if ($requests.Count -ne 1) { throw "$Name sent different requests from run to run: $($requests -join ' / ')" }
    $row = [pscustomobject]@{ Measure = $Name; Time = Format-Seconds $measured.Seconds; Requests = $requests[0]; Objects = $measured[-1].Output }
    Write-Host ('  {0,-52} {1,-22} {2}' -f $row.Measure, $row.Time, $row.Requests) -ForegroundColor DarkGray
    $row
}

function New-BenchChatbot {
    <# Built straight through the API, so that only what is measured goes through the cmdlets. #>
    $bot = (Invoke-Emulator $emulator 'chatbot/create' -Api -Method Post -Body @{ name = 'Bench staging'; show_citations = $true }).uuid
    $sources = [System.Collections.Generic.List[string]]::new()
    foreach ($i in 1..400) {
        $sources.Add((Invoke-Emulator $emulator "chatbot/$bot/data-source/qa" -Api -Method Post -Body @{ question = "Question $i about anvils?"; answer = "Answer $i.`nAnvils are heavy, and number $i is no exception." }).uuid)
    }
    foreach ($i in 1..50) {
        $sources.Add((Invoke-Emulator $emulator "chatbot/$bot/data-source/url" -Api -Method Post -Body @{ url = "https://example.org/help/page-$i" }).uuid)
    }
    $null = Sync-GptTrainerDataSource -ChatbotUuid $bot -Path $files -Recurse -InformationAction Ignore
    $sources.AddRange([string[]]@((Invoke-Emulator $emulator "chatbot/$bot/data-sources" -Api | Where-Object type -EQ upload).uuid))
    foreach ($t in 0..19) {
        $null = Invoke-Emulator $emulator "chatbot/$bot/source-tag/create" -Api -Method Post -Body @{ name = "Tag $t"; color = '#088F8F'; data_source_uuids = @($sources[($t * 25)..($t * 25 + 24)]) }
    }
    $agents = @((Invoke-Emulator $emulator "chatbot/$bot/agents" -Api).uuid)
    foreach ($a in 1..9) {
        $agents += (Invoke-Emulator $emulator "chatbot/$bot/agent/create" -Api -Method Post -Body @{ name = "Agent $a"; type = $(if ($a % 3) { 'user-facing' } else { 'background' }); prompt = "You are agent $a.`nYou answer about anvils."; model = 'gpt-4o-mini-16k'; temperature = 0.3 }).uuid
    }
    foreach ($a in 0..9) {
        $null = Invoke-Emulator $emulator "agent/$($agents[$a])/update" -Api -Method Post -Body @{ enabled = $true; data_source_uuids = @($sources[($a * 50)..($a * 50 + 19)]) }
    }
    foreach ($a in 0, 1) {
        $null = Invoke-Emulator $emulator "agent/$($agents[$a])/function/create" -Api -Method Post -Body @{ name = "lookup_$a"; external_url = 'https://shop.example/orders'; method = 'POST'; headers = @{ Authorization = 'Bearer bench' } }
    }
    $bot
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) "gpttrainer-bench-code-$([guid]::NewGuid().ToString('N'))"
$files = Join-Path $work 'knowledge'
foreach ($i in 1..50) {
    $sub = Join-Path $files ('section{0:D2}' -f ($i % 5))
    $null = New-Item -ItemType Directory -Path $sub -Force
    [System.IO.File]::WriteAllText((Join-Path $sub ('manual{0:D2}.md' -f $i)), "# Manual $i`n`n" + ("Paragraph $i explains anvils. " * 20))
}
$folder = Join-Path $work 'export'

Write-Host 'Chatbot as code, a chatbot of 10 agents, 20 tags and 500 sources:'
$emulator = Start-GptTrainerEmulator -PieceDelayMs 0
try {
    Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -SkipCheck
    $staging = New-BenchChatbot
    $env:GPTTRAINER_SECRET_AGENT_1_LOOKUP_1_AUTHORIZATION = 'Bearer bench'
    $env:GPTTRAINER_SECRET_GENERAL_Q_A_LOOKUP_0_AUTHORIZATION = 'Bearer bench'
    $rows = [System.Collections.Generic.List[object]]::new()
    $rows.Add((Measure-Case 'export (into a fresh folder)' {
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
        Measure-Step { Export-GptTrainerChatbot $staging -Path $folder }
    }))
    $rows.Add((Measure-Case 'export again, unchanged (no file written)' {
        Measure-Step { Export-GptTrainerChatbot $staging -Path $folder | Where-Object { $_.Changed } }
    }))
    $script:copies = [System.Collections.Generic.List[string]]::new()
    $rows.Add((Measure-Case 'import into a new chatbot (-SourcePath)' {
        Measure-Step { Import-GptTrainerChatbot -Path $folder -Name 'Bench copy' -SourcePath $files -InformationAction Ignore | ForEach-Object { if ($_.ItemType -eq 'Chatbot') { $script:copies.Add($_.Uuid) }; $_ } }
    }))
    $target = $copies[-1]
    $rows.Add((Measure-Case 'import again, nothing to do (-Mode Mirror)' {
        Measure-Step { Import-GptTrainerChatbot -Path $folder -ChatbotUuid $target -Mode Mirror -SourcePath $files -InformationAction Ignore }
    }))
    $rows.Add((Measure-Case 'compare the copy with the folder' {
        Measure-Step { Compare-GptTrainerChatbot $target -Path $folder }
    }))
}
finally {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

$lines = @(
    ''
    '## Chatbot as code: 10 agents, 20 source tags, 500 data sources'
    ''
    "Each time is the median of $Runs runs after a warm-up, [min-max], on loopback against the emulator; the requests are what the"
    'emulator received, the same in every run ("creates" counts Q&A pairs, pages, tags, agents and tool functions; each upload of a'
    'file also sets its title, an update). Measured by `tests/bench/Measure-ChatbotCode.ps1`: 400 Q&A pairs, 50 web pages and'
    '50 uploaded files (imported from `-SourcePath`), tags of 25 sources, agents naming 20 sources each, two tool functions.'
    ''
    '| Measure | Time | Requests | Objects written |'
    '|---|---|---|---|'
    $rows | ForEach-Object { "| $($_.Measure) | $($_.Time) | $($_.Requests) | $($_.Objects) |" }
)
$lines -join "`n"
