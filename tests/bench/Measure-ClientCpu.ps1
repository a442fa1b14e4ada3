<#
.SYNOPSIS
    CPU time the module's process spends per 100 MB reply and per 100,000-piece reply, for comparing builds.
.DESCRIPTION
    Wall-clock throughput on a 2-core machine swings by half between runs (the emulator and the reader share
    the cores), so comparing two builds by BENCHMARKS.md rows 1-2 shows mostly noise. The CPU time of the
    reading process alone is steadier: run this once per build, alternating, against the same emulator.
    -ModuleRoot is the repository whose out/GptTrainer build is measured (another clone, say at an older
    commit, after its own Build task); the emulator is always this repository's.
.EXAMPLE
    dotnet pwsh tests/bench/Measure-ClientCpu.ps1 -ModuleRoot /tmp/old-clone
#>
[CmdletBinding()]
param(
    [string] $ModuleRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path,
    [int] $Runs = 20
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $ModuleRoot 'out/GptTrainer') -Force
Import-Module (Join-Path $root 'tests/tools/GptTrainerEmulator.psm1') -Force

$emulator = Start-GptTrainerEmulator -PieceDelayMs 0
try {
    $null = Invoke-Emulator $emulator 'recording' -Method Post -Body @{ enabled = $false }
    Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri -SkipCheck
    $bot = New-GptTrainerChatbot -Name 'CPU bench'
    function New-PlannedSession([hashtable] $Plan) {
        $session = New-GptTrainerSession -ChatbotUuid $bot.ChatbotUuid
        $Plan.sessionUuid = $session.SessionUuid
        $null = Invoke-Emulator $emulator 'reply' -Method Post -Body $Plan
        $session.SessionUuid
    }
    $bulk = New-PlannedSession @{ generateBytes = 100000000 }
    $pieces = New-PlannedSession @{ generatePieces = 100000; pieceSize = 16 }
    function Get-CpuMilliseconds([string] $Session) {
        $process = [System.Diagnostics.Process]::GetCurrentProcess()
        $before = $process.TotalProcessorTime
        foreach ($i in 1..$Runs) { Send-GptTrainerMessage -Query 'bench' -SessionUuid $Session | Out-Null }
        $process.Refresh()
        ($process.TotalProcessorTime - $before).TotalMilliseconds / $Runs
    }
    # Warm-up: the JIT tiers the reading loop up only after many pieces.
    foreach ($i in 1..3) { Send-GptTrainerMessage -Query 'bench' -SessionUuid $bulk | Out-Null; Send-GptTrainerMessage -Query 'bench' -SessionUuid $pieces | Out-Null }
    '{0}: {1:0} ms CPU per 100 MB reply, {2:0} ms per 100,000-piece reply ({3} runs each)' -f $ModuleRoot, (Get-CpuMilliseconds $bulk), (Get-CpuMilliseconds $pieces), $Runs
}
finally {
    $emulator | Stop-GptTrainerEmulator
}
