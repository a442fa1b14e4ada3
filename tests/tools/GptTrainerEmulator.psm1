# Starts, steers and stops the local GPT-trainer emulator for the Pester tests, the demo and the benchmarks.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:EmulatorDll = Join-Path $script:RepoRoot 'src/GptTrainer.Emulator/bin/Release/net10.0/GptTrainer.Emulator.dll'

function Start-GptTrainerEmulator {
    <#
    .SYNOPSIS
    Starts the emulator as a child process on a free loopback port and returns its URL and key.
    #>
    [CmdletBinding()]
    param(
        [int] $PieceDelayMs = 5,

        # Short, so that tests waiting for a source to be processed wait little; they still poll for it.
        [int] $ProcessingMs = 200,

        [string] $ApiKey,

        # A seed file (see src/GptTrainer.Emulator/seed.sample.json) to start from and to return to on reset.
        [string] $Seed
    )

    if (-not (Test-Path $script:EmulatorDll)) {
        throw "The emulator is not built ($script:EmulatorDll); run ./build.ps1 first."
    }

    $arguments = @($script:EmulatorDll, '--port', '0', '--piece-delay-ms', $PieceDelayMs, '--processing-ms', $ProcessingMs, '--parent-pid', $PID)
    if ($ApiKey) { $arguments += @('--api-key', $ApiKey) }
    if ($Seed) { $arguments += @('--seed', (Resolve-Path -LiteralPath $Seed).Path) }

    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $arguments) { $info.ArgumentList.Add([string]$a) }
    # The emulator reads its settings from GPTTRAINER_EMULATOR_* variables too; the caller's own must not
    # leak into an emulator that is meant to start exactly as these parameters say.
    foreach ($name in @($info.Environment.Keys | Where-Object { $_ -like 'GPTTRAINER_EMULATOR_*' })) { $null = $info.Environment.Remove($name) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)

    $url = $null
    $key = $null
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not ($url -and $key)) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)) -or $null -eq $read.Result) {
            $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
            try { $process.Kill() } catch { }
            throw "The emulator did not start: $err"
        }

        if ($read.Result -match '^GPTTRAINER_EMULATOR_URL=(.+)$') { $url = $Matches[1] }
        if ($read.Result -match '^GPTTRAINER_EMULATOR_KEY=(.+)$') { $key = $Matches[1] }
    }

    [pscustomobject]@{
        PSTypeName = 'GptTrainer.Emulator'
        Uri        = $url
        ApiKey     = $key
        Process    = $process
    }
}

function Stop-GptTrainerEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)

    process {
        try { $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/shutdown" -TimeoutSec 5 } catch { }
        if (-not $Emulator.Process.WaitForExit(5000)) {
            try { $Emulator.Process.Kill() } catch { }
        }
    }
}

function Invoke-Emulator {
    <#
    .SYNOPSIS
    Calls the emulator's control API (/_emulator/...), or with -Api its GPT-trainer API as a raw client would.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        $Body,
        [switch] $Api
    )

    $params = @{ Method = $Method; TimeoutSec = 30 }
    if ($Api) {
        $params.Uri = "$($Emulator.Uri)/api/v1/$($Path.TrimStart('/'))"
        $params.Headers = @{ Authorization = "Bearer $($Emulator.ApiKey)" }
    }
    else {
        $params.Uri = "$($Emulator.Uri)/_emulator/$($Path.TrimStart('/'))"
    }

    if ($PSBoundParameters.ContainsKey('Body')) {
        $params.ContentType = 'application/json'
        $params.Body = $Body | ConvertTo-Json -Depth 10 -Compress
    }

    # Assigned first so that a JSON array comes out as separate objects, not one array object.
    $result = Invoke-RestMethod @params
    $result
}

function Complete-EmulatorProcessing {
    <# Ends the processing of every data source now, for tests about answers rather than about processing. #>
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-Emulator $Emulator 'sources/finish' -Method Post
}

function Get-EmulatorRequest {
    <# The requests the emulator received under /api, oldest first, optionally only those whose path matches. #>
    param([Parameter(Mandatory)] $Emulator, [string] $PathLike = '*', [string] $Method = '*')
    @(Invoke-Emulator $Emulator 'requests') | Where-Object { $_.path -like $PathLike -and $_.method -like $Method }
}

Export-ModuleMember -Function Start-GptTrainerEmulator, Stop-GptTrainerEmulator, Invoke-Emulator, Complete-EmulatorProcessing, Get-EmulatorRequest
