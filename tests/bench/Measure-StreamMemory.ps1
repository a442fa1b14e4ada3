<#
.SYNOPSIS
Runs in a process of its own: streams large replies into Out-Null and reports, per run, how much the
process's peak resident memory grew above what it used just before the reply (Linux /proc figures).
#>
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $Uri,
    [Parameter(Mandatory)] [string] $Key,
    [Parameter(Mandatory)] [string] $WarmupSession,
    [Parameter(Mandatory)] [string] $Session,
    [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
Import-Module $Manifest
Connect-GptTrainer -ApiKey $Key -BaseUri $Uri

. (Join-Path $PSScriptRoot 'PeakMemory.ps1')

Send-GptTrainerMessage -Query 'warm-up' -SessionUuid $WarmupSession | Out-Null
foreach ($run in 1..$Runs) {
    $before = Reset-PeakMemory
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Send-GptTrainerMessage -Query 'a gigabyte' -SessionUuid $Session | Out-Null
    $watch.Stop()
    $peak = Get-Kilobytes VmHWM
    [pscustomobject]@{ Run = $run; BeforeKB = $before; PeakKB = $peak; GrowthKB = $peak - $before; Ms = $watch.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress
}
