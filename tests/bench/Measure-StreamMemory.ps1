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

function Get-Kilobytes([string] $field) {
    $line = Get-Content /proc/self/status | Where-Object { $_ -like "${field}:*" }
    [long](($line -split '\s+')[1])
}

Send-GptTrainerMessage -Query 'warm-up' -SessionUuid $WarmupSession | Out-Null
foreach ($run in 1..$Runs) {
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    # Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size.
    $clear = [System.IO.FileStream]::new('/proc/self/clear_refs', [System.IO.FileMode]::Open, [System.IO.FileAccess]::Write)
    try { $clear.Write([byte[]](0x35), 0, 1) } finally { $clear.Dispose() }
    $before = Get-Kilobytes VmRSS
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Send-GptTrainerMessage -Query 'a gigabyte' -SessionUuid $Session | Out-Null
    $watch.Stop()
    $peak = Get-Kilobytes VmHWM
    [pscustomobject]@{ Run = $run; BeforeKB = $before; PeakKB = $peak; GrowthKB = $peak - $before; Ms = $watch.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress
}
