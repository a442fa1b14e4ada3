<#
.SYNOPSIS
Runs in a process of its own: shows replies without any whitespace with Send-GptTrainerMessage -Show, and
streams the same replies into Out-Null, reporting per run the time of each and how much the process's
peak resident memory grew while -Show ran (Linux /proc figures).

.DESCRIPTION
-Show writes through the host and wraps to its window, which a runspace without a host never does, so the
cmdlets run in a runspace whose host has a 120-column window and only counts what it is written
(tests/tools/RecordingHost.cs): the figure is the module's own display work, not a terminal's speed.
Each session given must have been set up with /_emulator/reply generateBytes = its size and generateText 'x'.
#>
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $Uri,
    [Parameter(Mandatory)] [string] $Key,
    # JSON: [{ "Bytes": 1000000, "Session": "<uuid>" }, ...], smallest first; the smallest also warms up.
    [Parameter(Mandatory)] [string] $SessionsJson,
    [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
Add-Type -Path (Join-Path $PSScriptRoot '../tools/RecordingHost.cs')
$sessions = @($SessionsJson | ConvertFrom-Json)

. (Join-Path $PSScriptRoot 'PeakMemory.ps1')

$recording = [RecordingHost]::new(120, $false)
$runspace = [runspacefactory]::CreateRunspace($recording)
$runspace.Open()

function Invoke-Timed([string] $Script, [hashtable] $Arguments = @{}) {
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    try {
        $null = $ps.AddScript($Script).AddParameters($Arguments)
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $null = $ps.Invoke()
        $watch.Stop()
        if ($ps.Streams.Error.Count) { throw "$Script failed: $($ps.Streams.Error[0])" }
        $watch.Elapsed.TotalMilliseconds
    }
    finally {
        $ps.Dispose()
    }
}

$null = Invoke-Timed 'param($Manifest, $Uri, $Key) Import-Module $Manifest; Connect-GptTrainer -ApiKey $Key -BaseUri $Uri -SkipCheck' @{ Manifest = $Manifest; Uri = $Uri; Key = $Key }
$show = 'param($Session) Send-GptTrainerMessage -Query "bench" -SessionUuid $Session -Show'
$pipeline = 'param($Session) Send-GptTrainerMessage -Query "bench" -SessionUuid $Session | Out-Null'
$null = Invoke-Timed $show @{ Session = $sessions[0].Session }
$null = Invoke-Timed $pipeline @{ Session = $sessions[0].Session }

foreach ($size in $sessions) {
    foreach ($run in 1..$Runs) {
        $before = Reset-PeakMemory
        $written = $recording.Written
        $showMs = Invoke-Timed $show @{ Session = $size.Session }
        $peak = Get-Kilobytes VmHWM
        $shown = $recording.Written - $written
        if ($shown -lt $size.Bytes) { throw "-Show wrote $shown characters of a $($size.Bytes)-byte reply." }
        $pipelineMs = Invoke-Timed $pipeline @{ Session = $size.Session }
        [pscustomobject]@{ Bytes = $size.Bytes; Run = $run; ShowMs = $showMs; PipelineMs = $pipelineMs; GrowthKB = $peak - $before; LongestWrite = $recording.LongestWrite } | ConvertTo-Json -Compress
    }
}
