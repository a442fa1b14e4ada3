<#
.SYNOPSIS
Runs the Pester tests in a process of their own (so the caller's preferences cannot leak into them)
and writes the counts to a JSON file for build.ps1 to add up.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $SummaryFile,
    # Files or folders, comma-separated when given through build.ps1.
    [string[]] $Path = (Join-Path $PSScriptRoot '../pester'),
    # Only tests with one of these tags.
    [string[]] $Tag
)

Import-Module $PesterManifest -Force
$config = New-PesterConfiguration
$config.Run.Path = @($Path | ForEach-Object { $_ -split ',' })
$config.Run.PassThru = $true
if ($Tag) { $config.Filter.Tag = @($Tag | ForEach-Object { $_ -split ',' }) }
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path (Split-Path $SummaryFile) 'pester.xml'
$result = Invoke-Pester -Configuration $config

[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryFile
