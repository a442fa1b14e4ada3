#Requires -Version 7.2
<#
.SYNOPSIS
Builds, tests and demonstrates the GptTrainer module.

.DESCRIPTION
Build  (default) compiles the module and the emulator and lays the module out as PowerShell installs
       it, under out/GptTrainer/<version>/; Import-Module ./out/GptTrainer loads the fresh build. The
       emulator's PowerShell module is laid out beside it, under out/GptTrainer.Emulator/<version>/.
Test   builds, runs every test and ends with one line "Tests: N passed, M failed"; exits non-zero if
       anything failed. The suite has four parts: Module (xunit, the cmdlets' assembly and the emulator),
       Engine (xunit, the engine on .NET 10), Framework (the same engine tests on .NET Framework 4.7.2, under
       Mono on Linux; skipped with a line saying so where neither Windows nor Mono is there) and Pester
       (the cmdlets as users call them, against the emulator). -Part, -PesterPath, -Tag and -TestFilter run
       a part of it while you work.
Demo   builds, starts the emulator, connects, opens a session and streams a reply to the console.
Bench  builds, runs the benchmarks against the emulator, prints the table and updates BENCHMARKS.md.
Package
       builds, then packs the laid-out module into out/GptTrainer.<version>.nupkg with PowerShell's
       own PSResourceGet, the emulator's PowerShell module into out/GptTrainer.Emulator.<version>.nupkg
       the same way, and the emulator as a .NET tool into out/gpttrainer-emulator.<version>.nupkg;
       with -RepositoryPath it also publishes the two modules to the local folder repository there,
       and nowhere else.
Clean  removes every build output.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Package -RepositoryPath ~/PSRepository

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Test -Part Pester -PesterPath Sync, Hardening

Builds, then runs only tests/pester/Sync.Tests.ps1 and Hardening.Tests.ps1.

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Test -Part Engine, Framework -TestFilter 'FullyQualifiedName~Json'

Builds, then runs the engine's JSON tests on .NET 10 and on .NET Framework.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Package: a local folder to publish the package to, as a PSResource repository registered only
    # while the task runs. Created if missing; refused if it already holds this version.
    [string] $RepositoryPath,

    # Package: pack the module as the last build laid it out, without building again.
    [switch] $NoBuild,

    # Test: run only these parts of the suite (Module, Engine, Framework, Pester); all four when not given.
    # Lists may also be given comma-separated in one argument, as a shell passes them to pwsh -File.
    [string[]] $Part = @('Module', 'Engine', 'Framework', 'Pester'),

    # Test: the Pester files to run, by name (Sync for tests/pester/Sync.Tests.ps1) or path; all when not given.
    [string[]] $PesterPath,

    # Test: only the Pester tests (Describe, Context or It) with one of these tags.
    [string[]] $Tag,

    # Test: only the xunit tests this filter selects (dotnet test --filter syntax).
    [string] $TestFilter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Part = @($Part | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$PesterPath = @($PesterPath | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$Tag = @($Tag | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$unknownPart = @($Part | Where-Object { $_ -notin 'Module', 'Engine', 'Framework', 'Pester' })
if ($unknownPart) { throw "-Part '$($unknownPart -join "', '")' is not a part of the suite; the parts are Module, Engine, Framework and Pester." }
$root = $PSScriptRoot
$sourceManifest = Join-Path $root 'GptTrainer.psd1'
# PowerShell installs a module as <name>/<version>/; the build lays it out the same way, so what the
# tests import is what ships.
$moduleRoot = Join-Path $root 'out/GptTrainer'
$emulatorModuleRoot = Join-Path $root 'out/GptTrainer.Emulator'
$emulatorModuleSource = Join-Path $root 'src/GptTrainer.Emulator.PowerShell'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') exited with $LASTEXITCODE" }
}

function Get-ModuleLayout {
    <# Where the build lays the module out and the files it lays out, from the source manifest. #>
    $manifest = Import-PowerShellDataFile $sourceManifest
    $path = Join-Path $moduleRoot $manifest.ModuleVersion
    # PowerShell looks for a binary module's help, and its about topics, in a culture folder under the
    # module base.
    $help = "en-US/$($manifest.RootModule)-Help.xml"
    $about = 'en-US/about_GptTrainer.help.txt'
    [pscustomobject]@{
        Name       = 'GptTrainer'
        Version    = $manifest.ModuleVersion
        Path       = $path
        Manifest   = Join-Path $path 'GptTrainer.psd1'
        RootModule = $manifest.RootModule
        Formats    = $manifest.FormatsToProcess
        Help       = Join-Path $path $help
        About      = Join-Path $path $about
        Assemblies = @($manifest.RootModule) + $manifest.RequiredAssemblies
        Files      = @('GptTrainer.psd1', $manifest.RootModule) + $manifest.RequiredAssemblies + $manifest.FormatsToProcess + $help + $about
    }
}

function Get-EmulatorModuleLayout {
    <# Where the build lays the emulator's PowerShell module out: beside GptTrainer, with its version. #>
    $version = (Import-PowerShellDataFile $sourceManifest).ModuleVersion
    $path = Join-Path $emulatorModuleRoot $version
    [pscustomobject]@{
        Name     = 'GptTrainer.Emulator'
        Version  = $version
        Path     = $path
        Manifest = Join-Path $path 'GptTrainer.Emulator.psd1'
        Files    = @('GptTrainer.Emulator.psd1', 'GptTrainer.Emulator.psm1')
    }
}

function Assert-ModuleLayout {
    <# The layout holds exactly the module's files: nothing missing, and nothing that must not ship. #>
    param([Parameter(Mandatory)] $Layout)
    $present = @(Get-ChildItem -Path $Layout.Path -Recurse -File -ErrorAction Ignore | ForEach-Object { [IO.Path]::GetRelativePath($Layout.Path, $_.FullName).Replace('\', '/') })
    $missing = @($Layout.Files | Where-Object { $_ -notin $present })
    if ($missing) { throw "$($Layout.Path) lacks $($missing -join ', '); run ./build.ps1 -Task Build." }
    $foreign = @($present | Where-Object { $_ -notin $Layout.Files })
    if ($foreign) {
        throw "$($Layout.Path) holds files that are not part of the module: $($foreign -join ', '). Only what the build lays out may ship; ./build.ps1 -Task Build lays the folder out afresh."
    }
}

function Invoke-Build {
    Write-Host "Building ($Configuration)..."
    Invoke-Native dotnet @('build', (Join-Path $root 'GptTrainer.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:ErrorsOnly')

    # Laid out afresh, and one version only, so nothing from an earlier build survives into the module.
    $layout = Get-ModuleLayout
    Remove-Item -Recurse -Force -Path $moduleRoot -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force -Path (Split-Path $layout.Help)
    $source = Join-Path $root 'src/GptTrainer'
    Copy-Item -Destination $layout.Path -Path @(
        $sourceManifest
        $layout.Assemblies | ForEach-Object { Join-Path $source "bin/$Configuration/netstandard2.0/$_" }
        $layout.Formats | ForEach-Object { Join-Path $source $_ }
    )
    Copy-Item -Path (Join-Path $source "help/$(Split-Path -Leaf $layout.About)") -Destination $layout.About

    # Help is generated from the cmdlets' own metadata in a child process, so this session does not
    # hold the freshly built assembly loaded.
    $helpScript = Join-Path $source 'help/New-GptTrainerHelp.ps1'
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$($layout.Manifest)'; & '$helpScript' -ModuleName GptTrainer -OutFile '$($layout.Help)'")
    Assert-ModuleLayout $layout
    Invoke-EmulatorModuleLayout
}

function Invoke-EmulatorModuleLayout {
    <#
    Lays the emulator's PowerShell module out with GptTrainer's version written into its manifest (as its
    own version and as the GptTrainer it needs), so the source manifest stays the one place it is written.
    #>
    $layout = Get-EmulatorModuleLayout
    Remove-Item -Recurse -Force -Path $emulatorModuleRoot -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force -Path $layout.Path
    Copy-Item -Path (Join-Path $emulatorModuleSource 'GptTrainer.Emulator.psm1') -Destination $layout.Path
    $manifest = Get-Content -Raw -Path (Join-Path $emulatorModuleSource 'GptTrainer.Emulator.psd1')
    $placeholder = "(?<=ModuleVersion\s*=\s*)'0\.0\.0'"
    if ([regex]::Matches($manifest, $placeholder).Count -ne 2) {
        throw "$emulatorModuleSource/GptTrainer.Emulator.psd1 must say ModuleVersion = '0.0.0' twice (its own, and the GptTrainer it requires) for the build to write the version there."
    }
    Set-Content -NoNewline -Path $layout.Manifest -Value ($manifest -replace $placeholder, "'$($layout.Version)'")
    Assert-ModuleLayout $layout
}

function Assert-BuildOutputUncommitted {
    <#
    Build output never belongs in version control: a tracked copy can be committed and shipped instead
    of what the build made, and output that git offers to commit means .gitignore no longer covers it.
    #>
    if ((& git -C $root rev-parse --is-inside-work-tree 2>$null) -ne 'true') {
        Write-Warning "$root is not a git work tree, so nothing shows whether build output is committed."
        return
    }
    $listed = @(& git -C $root ls-files --cached --others --exclude-standard -- out ':(glob)**/bin/**' ':(glob)**/obj/**')
    if ($LASTEXITCODE -ne 0) { throw "git ls-files failed in $root (exit code $LASTEXITCODE)." }
    if ($listed) {
        throw "Build output is tracked by git or not ignored by it: $($listed -join ', '). Untrack it (git rm -r --cached <path>) and keep out/, bin/ and obj/ in .gitignore, then package again."
    }
}

function Get-LocalRepositoryFolder {
    <# The folder -RepositoryPath names, created if missing; anything but a local folder is refused. #>
    $uri = $null
    if ([uri]::TryCreate($RepositoryPath, [UriKind]::Absolute, [ref] $uri) -and -not $uri.IsFile) {
        throw "-RepositoryPath '$RepositoryPath' is not a local folder. The Package task publishes only to a folder repository, registered while it runs."
    }
    (New-Item -ItemType Directory -Force -Path $RepositoryPath).FullName
}

function New-ModulePackage {
    <# Packs a laid-out module, as PowerShell's PSResourceGet packs any module, into out/. #>
    param([Parameter(Mandatory)] $Layout)
    $package = Join-Path $root "out/$($Layout.Name).$($Layout.Version).nupkg"
    Remove-Item -Force -Path $package -ErrorAction Ignore
    # Compress-PSResource checks the manifest with Test-ModuleManifest, which looks for required modules
    # (GptTrainer.Emulator requires GptTrainer) on the module path: the laid-out build is put there.
    $modulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $root 'out') + [IO.Path]::PathSeparator + $modulePath
    try {
        Compress-PSResource -Path $Layout.Path -DestinationPath (Split-Path $package)
    }
    finally {
        $env:PSModulePath = $modulePath
    }
    if (-not (Test-Path $package)) { throw "Compress-PSResource did not write $package." }
    $package
}

function New-ToolPackage {
    <# Packs the emulator as built (no second build) as a .NET tool into out/gpttrainer-emulator.<version>.nupkg. #>
    param([Parameter(Mandatory)] [string] $Version)
    $package = Join-Path $root "out/gpttrainer-emulator.$Version.nupkg"
    Remove-Item -Force -Path $package -ErrorAction Ignore
    Invoke-Native dotnet @('pack', (Join-Path $root 'src/GptTrainer.Emulator/GptTrainer.Emulator.csproj'), '-c', $Configuration, '--no-build', '--nologo', '-v', 'quiet', '-o', (Join-Path $root 'out'))
    if (-not (Test-Path $package)) { throw "dotnet pack did not write $package." }
    $package
}

function Invoke-Package {
    # Refused before anything is packed: output that is not the build's.
    $layouts = @(Get-ModuleLayout; Get-EmulatorModuleLayout)
    Assert-BuildOutputUncommitted
    foreach ($layout in $layouts) { Assert-ModuleLayout $layout }
    $version = $layouts[0].Version

    $folder = $null
    if ($RepositoryPath) {
        # The folder is registered under a fresh name for this run only and removed afterwards, so no
        # repository the user has registered is ever used, and nothing is left behind.
        $folder = Get-LocalRepositoryFolder
        $repository = "GptTrainerPackage-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        Register-PSResourceRepository -Name $repository -Uri $folder -Trusted
        try {
            # Publish-PSResource would quietly keep the version already there, so ask before packing.
            foreach ($layout in $layouts) {
                if (Find-PSResource -Name $layout.Name -Version $layout.Version -Repository $repository -ErrorAction Ignore) {
                    throw "$($layout.Name) $($layout.Version) is already in the repository at $folder. Raise ModuleVersion in GptTrainer.psd1 (with its CHANGELOG entry), or give another -RepositoryPath."
                }
            }
            $modulePackages = @(foreach ($layout in $layouts) { New-ModulePackage $layout })
            $toolPackage = New-ToolPackage $version
            # In layout order, GptTrainer first: GptTrainer.Emulator depends on it. The tool stays out of
            # the folder: PSResourceGet reads every .nupkg there as a module and fails on one that is not.
            foreach ($package in $modulePackages) { Publish-PSResource -NupkgPath $package -Repository $repository }
        }
        finally {
            Unregister-PSResourceRepository -Name $repository
        }
    }
    else {
        $modulePackages = @(foreach ($layout in $layouts) { New-ModulePackage $layout })
        $toolPackage = New-ToolPackage $version
    }

    foreach ($package in $modulePackages + $toolPackage) { Write-Host "Wrote $package ($([Math]::Round((Get-Item $package).Length / 1KB)) KB)." }
    if ($folder) {
        Write-Host "Published the modules to the repository at $folder. Install them from there with:"
        Write-Host "  Register-PSResourceRepository -Name Local -Uri '$folder' -Trusted    # once"
        Write-Host '  Install-PSResource GptTrainer -Repository Local'
        Write-Host '  Install-PSResource GptTrainer.Emulator -Repository Local              # for tests; brings GptTrainer too'
    }
    Write-Host 'Install the emulator tool from the package file with:'
    Write-Host "  dotnet tool install --global gpttrainer-emulator --add-source '$(Split-Path $toolPackage)'"
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^\s*global-packages:\s*', '').Trim()
}

function Invoke-XunitTests {
    <#
    One project's xunit tests on one target framework, counted from the TRX file it writes. A test host that
    crashed or hung leaves counters that omit what never ran, so a failed run with no failure counted is
    counted as one.
    #>
    param([Parameter(Mandatory)] [string] $Project, [Parameter(Mandatory)] [string] $Framework, [Parameter(Mandatory)] [string] $Name)
    $results = Join-Path $root 'out/TestResults'
    $trxName = "$Name.trx"
    Remove-Item -Force -Path (Join-Path $results $trxName) -ErrorAction SilentlyContinue
    $arguments = @('test', (Join-Path $root $Project), '-c', $Configuration, '-f', $Framework, '--no-build', '--nologo',
        '--logger', "trx;LogFileName=$trxName", '--results-directory', $results, '--blame-hang-timeout', '5m', '--blame-hang-dump-type', 'none')
    if ($TestFilter) { $arguments += @('--filter', $TestFilter) }
    & dotnet @arguments | Out-Host
    $exitCode = $LASTEXITCODE

    $trx = Join-Path $results $trxName
    if (-not (Test-Path $trx)) {
        Write-Warning "$Name produced no results file; counting it as one failure."
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }

    $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    if ($exitCode -ne 0 -and $failed -eq 0 -and -not ($TestFilter -and [int]$counters.total -eq 0)) {
        Write-Warning "$Name ended with exit code $exitCode without a failed test in its results (a crashed or hung test host?); counting it as one failure."
        $failed = 1
    }
    # A skipped test (a [Fact] with Skip, saying why) is in the total but not among the executed.
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = $failed; Skipped = [int]$counters.total - [int]$counters.executed }
}

function Get-FrameworkRunner {
    <#
    How the engine's tests run on .NET Framework here: natively on Windows, under Mono elsewhere (dotnet test
    starts its .NET Framework test host with mono). Null, with the reason, when neither is possible.
    #>
    if ($IsWindows) { return [pscustomobject]@{ Name = '.NET Framework 4.7.2'; Missing = $null } }
    $mono = Get-Command mono -ErrorAction Ignore
    if (-not $mono) {
        return [pscustomobject]@{ Name = $null; Missing = 'Mono is not installed (sudo apt-get install mono-devel; .ci/run installs it)' }
    }
    $version = (& mono --version | Select-Object -First 1) -replace '^Mono JIT compiler version (\S+).*$', '$1'
    [pscustomobject]@{ Name = ".NET Framework 4.7.2 on Mono $version"; Missing = $null }
}

function Resolve-PesterPath {
    <# -PesterPath as files: a bare name is tests/pester/<name>.Tests.ps1. #>
    foreach ($item in $PesterPath) {
        $named = Join-Path $root "tests/pester/$item.Tests.ps1"
        if (Test-Path -LiteralPath $named) { $named }
        elseif (Test-Path -LiteralPath $item) { (Resolve-Path -LiteralPath $item).Path }
        else { throw "-PesterPath '$item' names no Pester file: neither $named nor a path to one exists." }
    }
}

function Invoke-PesterTests {
    $pester = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $pester)) { throw "Pester 5.7.1 was not restored ($pester); run dotnet restore." }

    $summary = Join-Path $root 'out/TestResults/pester-summary.json'
    Remove-Item -Force -Path $summary -ErrorAction SilentlyContinue
    $arguments = @('-PesterManifest', $pester, '-SummaryFile', $summary)
    if ($PesterPath) { $arguments += @('-Path', ((Resolve-PesterPath) -join ',')) }
    if ($Tag) { $arguments += @('-Tag', ($Tag -join ',')) }
    # ShouldProcess writes "What if:" lines straight to the host, past every stream a test could redirect, so
    # the many -WhatIf tests would scatter them between Pester's results; they say nothing about a result.
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/tools/Invoke-PesterTests.ps1') @arguments |
        Where-Object { $_ -notmatch '^What if: ' } | Out-Host
    if (-not (Test-Path $summary)) {
        Write-Warning 'Pester produced no summary; counting it as one failure.'
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }

    Get-Content -Raw $summary | ConvertFrom-Json
}

function Invoke-Demo {
    Import-Module (Join-Path $root 'tests/tools/GptTrainerEmulator.psm1') -Force
    $emulator = Start-GptTrainerEmulator -PieceDelayMs 120 -ProcessingMs 1500
    try {
        Import-Module (Get-ModuleLayout).Manifest -Force
        Write-Host "Emulator running at $($emulator.Uri)" -ForegroundColor DarkGray

        Connect-GptTrainer -ApiKey $emulator.ApiKey -BaseUri $emulator.Uri
        $bot = New-GptTrainerChatbot -Name 'Demo support bot' -ShowCitations
        # Like the service, the emulator processes a new source before the chatbot can answer from it: -Wait
        # waits for that (with a progress bar), and a source that fails to process is an error.
        $source = $bot | New-GptTrainerDataSource -Question 'How do I reset my password?' `
            -Answer 'To reset your password, open Settings, choose Security and click Reset password; a link arrives by email within a minute.' `
            -Wait -ErrorAction Stop
        Write-Host "Source '$($source.Title)' processed: status $($source.Status)." -ForegroundColor DarkGray
        $session = Get-GptTrainerChatbot -Name 'Demo support bot' | New-GptTrainerSession
        Write-Host "Chatbot '$($bot.Name)' with one Q&A source; session $($session.SessionUuid) opened." -ForegroundColor DarkGray

        $question = 'How do I reset my password?'
        Write-Host "`n> $question" -ForegroundColor Cyan
        $pieces = 0
        Send-GptTrainerMessage -Query $question | ForEach-Object {
            $pieces++
            Write-Host -NoNewline $_
        }
        Write-Host "`n`n($pieces pieces streamed into the pipeline as they arrived)" -ForegroundColor DarkGray

        $message = Get-GptTrainerMessage | Select-Object -Last 1
        $cited = if ($message.Citations) { "citing '$(@($message.Citations).Title -join "', '")'" } else { 'citing nothing' }
        Write-Host "Stored as message $($message.MessageUuid), finish reason '$($message.FinishReason)', $cited." -ForegroundColor DarkGray
    }
    finally {
        Stop-GptTrainerEmulator $emulator
    }
}

switch ($Task) {
    'Clean' {
        foreach ($dir in @(Join-Path $root 'out') + @(Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests') -Directory -Recurse -Include 'bin', 'obj' | ForEach-Object FullName)) {
            Remove-Item -Recurse -Force -Path $dir -ErrorAction SilentlyContinue
        }
    }
    'Build' { Invoke-Build }
    'Bench' {
        Invoke-Build
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/bench/Invoke-Benchmarks.ps1') -OutFile (Join-Path $root 'BENCHMARKS.md')
        if ($LASTEXITCODE -ne 0) { throw "The benchmarks failed (exit code $LASTEXITCODE)." }
    }
    'Demo' {
        Invoke-Build
        Invoke-Demo
    }
    'Package' {
        if (-not $NoBuild) { Invoke-Build }
        Invoke-Package
    }
    'Test' {
        Invoke-Build
        $tiers = [System.Collections.Generic.List[object]]::new()
        # Each part is timed, so that a slow part shows where the suite's minutes go.
        function Add-Tier([string] $Name, [scriptblock] $Run) {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $counts = & $Run
            $tiers.Add(@{ Name = $Name; Counts = $counts; Seconds = $clock.Elapsed.TotalSeconds })
        }
        if ('Module' -in $Part) {
            Add-Tier 'xunit, module and emulator (.NET 10)' { Invoke-XunitTests -Project 'tests/GptTrainer.Tests/GptTrainer.Tests.csproj' -Framework net10.0 -Name module-net10 }
        }
        if ('Engine' -in $Part) {
            Add-Tier 'xunit, engine (.NET 10)' { Invoke-XunitTests -Project 'tests/GptTrainer.Engine.Tests/GptTrainer.Engine.Tests.csproj' -Framework net10.0 -Name engine-net10 }
        }
        $skipped = $null
        if ('Framework' -in $Part) {
            $runner = Get-FrameworkRunner
            if ($runner.Name) {
                Add-Tier "xunit, engine ($($runner.Name))" { Invoke-XunitTests -Project 'tests/GptTrainer.Engine.Tests/GptTrainer.Engine.Tests.csproj' -Framework net472 -Name engine-net472 }
            }
            else {
                $skipped = "Skipped the engine's tests on .NET Framework: $($runner.Missing)."
            }
        }
        if ('Pester' -in $Part) {
            Add-Tier 'Pester (PowerShell 7)' { Invoke-PesterTests }
        }
        $passed = 0; $failed = 0
        foreach ($tier in $tiers) {
            # Skipped tests are named with their reason in the tier's own output; the count keeps them from passing unseen.
            $skippedHere = if ($tier.Counts.PSObject.Properties['Skipped'] -and $tier.Counts.Skipped -gt 0) { ", $($tier.Counts.Skipped) skipped" } else { '' }
            Write-Host ('{0}: {1} passed, {2} failed{3} ({4:0} s)' -f $tier.Name, $tier.Counts.Passed, $tier.Counts.Failed, $skippedHere, $tier.Seconds)
            $passed += $tier.Counts.Passed; $failed += $tier.Counts.Failed
        }
        if ($skipped) { Write-Host $skipped -ForegroundColor Yellow }
        Write-Host "Tests: $passed passed, $failed failed"
        exit ([int]($failed -gt 0))
    }
}
