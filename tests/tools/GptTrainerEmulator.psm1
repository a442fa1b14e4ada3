# The emulator helpers of this repository's tests, the demo and the benchmarks. Starting, stopping and
# steering the emulator is the shipped GptTrainer.Emulator module's job, imported here as the build lays
# it out; what is left is what only this repository needs: this build of the emulator at test pace, and
# the old short names the tests use.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:EmulatorDll = Join-Path $script:RepoRoot 'src/GptTrainer.Emulator/bin/Release/net10.0/GptTrainer.Emulator.dll'

# GptTrainer.Emulator requires GptTrainer, which is not on the module path in this repository; both are
# imported globally, as a user's session would hold them.
if (-not (Get-Module -Name GptTrainer)) { Import-Module (Join-Path $script:RepoRoot 'out/GptTrainer') -Global }
Import-Module (Join-Path $script:RepoRoot 'out/GptTrainer.Emulator') -Global

function Start-GptTrainerEmulator {
    <#
    .SYNOPSIS
    The shipped Start-GptTrainerEmulator on this repository's build of the emulator, at test pace: fast
    pieces, and processing short enough that tests waiting for a source wait little (they still poll).
    #>
    [CmdletBinding()]
    param(
        [int] $PieceDelayMs = 5,

        [int] $ProcessingMs = 200,

        [string] $ApiKey,

        # A seed file (see src/GptTrainer.Emulator/seed.sample.json) to start from and to return to on reset.
        [string] $Seed
    )

    if (-not (Test-Path $script:EmulatorDll)) {
        throw "The emulator is not built ($script:EmulatorDll); run ./build.ps1 first."
    }

    $PSBoundParameters['PieceDelayMs'] = $PieceDelayMs
    $PSBoundParameters['ProcessingMs'] = $ProcessingMs
    GptTrainer.Emulator\Start-GptTrainerEmulator -Path $script:EmulatorDll @PSBoundParameters
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

    if (-not $Api) {
        $null = $PSBoundParameters.Remove('Api')
        return GptTrainer.Emulator\Invoke-GptTrainerEmulatorControl @PSBoundParameters
    }

    $params = @{
        Method     = $Method
        TimeoutSec = 30
        Uri        = "$($Emulator.Uri)/api/v1/$($Path.TrimStart('/'))"
        Headers    = @{ Authorization = "Bearer $($Emulator.ApiKey)" }
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $params.ContentType = 'application/json'
        $params.Body = $Body | ConvertTo-Json -Depth 10 -Compress
    }

    # Assigned first so that a JSON array comes out as separate objects, not one array object.
    $result = Invoke-RestMethod @params
    $result
}

function Get-EmulatorRequest {
    <# The requests the emulator received under /api, oldest first, optionally only those whose path matches. #>
    param([Parameter(Mandatory)] $Emulator, [string] $PathLike = '*', [string] $Method = '*')
    GptTrainer.Emulator\Get-GptTrainerEmulatorRequest -Emulator $Emulator -Path $PathLike -Method $Method
}

# Stop-GptTrainerEmulator is the shipped module's own.
Export-ModuleMember -Function Start-GptTrainerEmulator, Invoke-Emulator, Get-EmulatorRequest
