# The release round trip as users meet it: build.ps1 -Task Package publishes the laid-out modules to a
# temporary local repository, Install-PSResource installs them from there into a temporary user profile
# (in a pwsh of its own), and a fresh pwsh that sees only that profile's modules (and PowerShell's
# own) uses them by name. The emulator tool is installed from its package file with dotnet tool install,
# offline, and the documented example suite (docs/examples) runs against it as a user would run it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $version = (Get-Module GptTrainer).Version.ToString()
    $work = New-TestDirectory
    $repository = Join-Path $work 'repository'

    function Start-ChildProcess {
        <# Starts a program with its own environment changes, without touching this process's environment. #>
        param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [hashtable] $Environment = @{}, [string] $WorkingDirectory = $RepoRoot)
        $info = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
        foreach ($a in $Arguments) { $info.ArgumentList.Add($a) }
        $info.Environment['NO_COLOR'] = '1'
        foreach ($entry in $Environment.GetEnumerator()) {
            if ($null -eq $entry.Value) { $null = $info.Environment.Remove($entry.Key) } else { $info.Environment[$entry.Key] = $entry.Value }
        }
        $info.WorkingDirectory = $WorkingDirectory
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($info)
    }

    function Start-ChildRun {
        <# Starts a program meant to run to its end, collecting everything it prints; Wait-ChildRun ends it. #>
        param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [hashtable] $Environment = @{}, [string] $WorkingDirectory = $RepoRoot)
        $process = Start-ChildProcess @PSBoundParameters
        [pscustomobject]@{ Process = $process; Stdout = $process.StandardOutput.ReadToEndAsync(); Stderr = $process.StandardError.ReadToEndAsync(); Name = "$FilePath $Arguments" }
    }

    function Wait-ChildRun {
        <# The exit code and everything printed by a run Start-ChildRun began, within two minutes. #>
        param([Parameter(Mandatory)] $Run)
        if (-not $Run.Process.WaitForExit(120000)) {
            $Run.Process.Kill($true)
            throw "$($Run.Name) did not finish within two minutes."
        }
        [pscustomobject]@{ ExitCode = $Run.Process.ExitCode; Output = $Run.Stdout.Result + $Run.Stderr.Result }
    }

    function Invoke-ChildProcess {
        <# Runs a program to its end (within two minutes); returns the exit code and everything it printed. #>
        param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [hashtable] $Environment = @{}, [string] $WorkingDirectory = $RepoRoot)
        Wait-ChildRun (Start-ChildRun @PSBoundParameters)
    }

    function Start-Pwsh {
        <#
        Starts a fresh pwsh (the one running these tests) with its own environment changes, without
        touching this process's environment.
        #>
        param([Parameter(Mandatory)] [string[]] $Arguments, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $RepoRoot)
        # Run as `dotnet pwsh`, the host is dotnet and pwsh.dll its first argument.
        $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        Start-ChildRun -FilePath ([Environment]::ProcessPath) -Arguments ($prefix + @('-NoProfile', '-NonInteractive') + $Arguments) -Environment $Environment -WorkingDirectory $WorkingDirectory
    }

    function Invoke-Pwsh {
        <# Runs a fresh pwsh as Start-Pwsh does, to its end; returns the exit code and everything it printed. #>
        param([Parameter(Mandatory)] [string[]] $Arguments, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $RepoRoot)
        Wait-ChildRun (Start-Pwsh @PSBoundParameters)
    }

    function Invoke-PackageTask {
        <# build.ps1 -Task Package -NoBuild, run in this process as any script is; returns what it printed. #>
        param([string] $Tree = $RepoRoot, [string] $RepositoryPath)
        $arguments = @{ Task = 'Package'; NoBuild = $true }
        if ($RepositoryPath) { $arguments.RepositoryPath = $RepositoryPath }
        & (Join-Path $Tree 'build.ps1') @arguments 6>&1 3>&1 | Out-String
    }

    function Get-RepositoryList {
        @(Get-PSResourceRepository | ForEach-Object { "$($_.Name) $($_.Uri)" } | Sort-Object)
    }

    function Get-PackageContent([string] $Path) {
        <# The files a nupkg carries, without the ones NuGet adds to every package. #>
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            @($zip.Entries.FullName | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|[^/]+\.nuspec$)' } | Sort-Object)
        }
        finally { $zip.Dispose() }
    }

    function Get-PackageManifest([string] $Path) {
        <# A nupkg's .nuspec, as XML. #>
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            $reader = [IO.StreamReader]::new(($zip.Entries | Where-Object FullName -Match '^[^/]+\.nuspec$').Open())
            try { [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }

    function New-ScratchTree {
        <# A copy of what -Task Package -NoBuild reads (build.ps1, the source manifest, the layout). #>
        $tree = Join-Path $work "tree-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $null = New-Item -ItemType Directory -Path (Join-Path $tree 'out')
        Copy-Item (Join-Path $RepoRoot 'build.ps1'), (Join-Path $RepoRoot 'GptTrainer.psd1') -Destination $tree
        Copy-Item -Recurse (Join-Path $RepoRoot 'out/GptTrainer'), (Join-Path $RepoRoot 'out/GptTrainer.Emulator') -Destination (Join-Path $tree 'out')
        $tree
    }

    $repositoriesBefore = Get-RepositoryList
    $packageOutput = Invoke-PackageTask -RepositoryPath $repository
    $repositoriesAfter = Get-RepositoryList
    $nupkg = Join-Path $RepoRoot "out/GptTrainer.$version.nupkg"
    $emulatorNupkg = Join-Path $RepoRoot "out/GptTrainer.Emulator.$version.nupkg"
    $toolNupkg = Join-Path $RepoRoot "out/gpttrainer-emulator.$version.nupkg"

    # The tool, installed from its package file alone: a source folder holding only that file, and a
    # NuGet configuration that clears every other source, so that no network is consulted.
    $toolSource = Join-Path $work 'tool-source'
    $null = New-Item -ItemType Directory -Path $toolSource
    Copy-Item -Path $toolNupkg -Destination $toolSource
    $nugetConfig = Join-Path $work 'nuget.config'
    Set-Content -Path $nugetConfig -Value @"
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="gpttrainer-emulator" value="$toolSource" />
  </packageSources>
</configuration>
"@
    $toolPath = Join-Path $work 'tools'
    # The installed command finds the .NET runtime through DOTNET_ROOT unless it is in the default place;
    # it is the one running these tests.
    $dotnet = (Get-Command dotnet -CommandType Application)[0].Source
    $dotnetRoot = if ($env:DOTNET_ROOT) { $env:DOTNET_ROOT } else { Split-Path ([IO.File]::ResolveLinkTarget($dotnet, $true) ?? (Get-Item $dotnet)).FullName }
    $quietDotnet = @{ DOTNET_CLI_TELEMETRY_OPTOUT = '1'; DOTNET_NOLOGO = '1'; DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'; DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE = '1'; DOTNET_ROOT = $dotnetRoot }
    # Installed while the modules are.
    $toolInstallRun = Start-ChildRun -FilePath $dotnet -WorkingDirectory $work -Environment $quietDotnet -Arguments @(
        'tool', 'install', 'gpttrainer-emulator', '--version', $version, '--tool-path', $toolPath, '--configfile', $nugetConfig)
    $toolCommand = Join-Path $toolPath "gpttrainer-emulator$(if ($IsWindows) { '.exe' })"

    # Install-PSResource has no destination parameter: it installs into the user's module folder. A user
    # profile of its own (HOME, where PowerShell and PSResourceGet keep per-user modules and repositories
    # on Linux and macOS) makes that folder temporary. Windows keeps them in known folders that HOME does
    # not move, so there this is skipped rather than installed into the real profile.
    if (-not $IsWindows) {
        $profileHome = Join-Path $work 'home'
        $null = New-Item -ItemType Directory -Path $profileHome
        # Everything that would lead PowerShell to this machine's user folders is replaced or removed.
        $isolated = @{ HOME = $profileHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }

        # GptTrainer.Emulator is asked for, and brings GptTrainer, which it requires.
        $installRun = Start-Pwsh -Environment $isolated -Arguments @('-Command', @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name GptTrainerTest -Uri '$repository' -Trusted
Install-PSResource -Name GptTrainer.Emulator -Version '$version' -Repository GptTrainerTest -Scope CurrentUser
Get-InstalledPSResource | ForEach-Object { "installed: `$(`$_.Name) `$(`$_.Version)" }
(Get-InstalledPSResource -Name GptTrainer).InstalledLocation
"@)
    }
    $toolInstall = Wait-ChildRun $toolInstallRun

    if (-not $IsWindows) {
        $install = Wait-ChildRun $installRun
        $installedTo = ($install.Output -split '\r?\n' | Where-Object { $_ } | Select-Object -Last 1).Trim()

        # The documented example, copied to a folder of its own as a user's project would hold it, run
        # with Invoke-Pester where only the installed modules and the installed tool are found. It runs
        # while the tests below do, since it mostly waits; the last Describe collects it.
        $project = Join-Path $work 'project'
        Copy-Item -Recurse -Path (Join-Path $RepoRoot 'docs/examples') -Destination $project
        $exampleEnvironment = $isolated + $quietDotnet
        $exampleEnvironment.PATH = $toolPath + [IO.Path]::PathSeparator + $env:PATH
        $exampleEnvironment.GT_PESTER = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $exampleEnvironment.GT_INSTALLED = $installedTo
        $exampleRun = Start-Pwsh -Environment $exampleEnvironment -WorkingDirectory $project -Arguments @('-Command', @'
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $env:GT_INSTALLED + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
Import-Module $env:GT_PESTER
$run = Invoke-Pester -Path ./Get-SupportAnswer.Tests.ps1 -Output Detailed -PassThru
"EXAMPLE-RESULT $(@{ Passed = @($run.Passed.ExpandedName); Failed = @($run.Failed.ExpandedName); Total = $run.TotalCount } | ConvertTo-Json -Compress)"
'@)
    }
}

AfterAll {
    if ($exampleRun -and -not $exampleRun.Process.HasExited) { $exampleRun.Process.Kill($true) }
    Remove-Item -Recurse -Force -Path $work -ErrorAction SilentlyContinue
}

Describe 'build.ps1 -Task Package' {
    It 'writes out/GptTrainer.<version>.nupkg holding the laid-out module and nothing else' {
        $packageOutput | Should -Match ([regex]::Escape("GptTrainer.$version.nupkg"))
        $layout = (Get-Module GptTrainer).ModuleBase
        $laidOut = Get-ChildItem $layout -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($layout, $_.FullName).Replace('\', '/') } | Sort-Object
        Get-PackageContent $nupkg | Should -Be $laidOut
    }

    It 'publishes the module files to the repository it was given, and registers no repository for good' {
        @(Get-ChildItem $repository).Name | Sort-Object | Should -Be @("GptTrainer.$version.nupkg", "GptTrainer.Emulator.$version.nupkg")
        (Get-FileHash (Join-Path $repository "GptTrainer.$version.nupkg")).Hash | Should -Be (Get-FileHash $nupkg).Hash
        (Get-FileHash (Join-Path $repository "GptTrainer.Emulator.$version.nupkg")).Hash | Should -Be (Get-FileHash $emulatorNupkg).Hash
        $repositoriesAfter | Should -Be $repositoriesBefore
    }

    It 'packs GptTrainer.Emulator as laid out, with GptTrainer''s version, needing that GptTrainer' {
        $layout = Join-Path $RepoRoot "out/GptTrainer.Emulator/$version"
        Get-PackageContent $emulatorNupkg | Should -Be @('GptTrainer.Emulator.psd1', 'GptTrainer.Emulator.psm1')
        (Import-PowerShellDataFile (Join-Path $layout 'GptTrainer.Emulator.psd1')).ModuleVersion | Should -Be $version
        $metadata = (Get-PackageManifest $emulatorNupkg).package.metadata
        $metadata.version | Should -Be $version
        "$($metadata.dependencies.dependency.id) $($metadata.dependencies.dependency.version)" | Should -Be "GptTrainer $version"
    }

    It 'packs the emulator as the .NET tool gpttrainer-emulator, with GptTrainer''s version, the seed sample and its PDF reader' {
        $packageOutput | Should -Match ([regex]::Escape("gpttrainer-emulator.$version.nupkg"))
        $metadata = (Get-PackageManifest $toolNupkg).package.metadata
        $metadata.id | Should -Be 'gpttrainer-emulator'
        $metadata.version | Should -Be $version
        $metadata.packageTypes.packageType.name | Should -Be 'DotnetTool'
        Get-PackageContent $toolNupkg | Should -Be @(
            'README.md'
            'tools/net10.0/any/DotnetToolSettings.xml'
            'tools/net10.0/any/GptTrainer.Emulator.deps.json'
            'tools/net10.0/any/GptTrainer.Emulator.dll'
            'tools/net10.0/any/GptTrainer.Emulator.pdb'
            'tools/net10.0/any/GptTrainer.Emulator.runtimeconfig.json'
            'tools/net10.0/any/seed.sample.json'
            # PdfPig, with which the emulator reads uploaded PDFs; a tool carries its dependencies.
            'tools/net10.0/any/UglyToad.PdfPig.Core.dll'
            'tools/net10.0/any/UglyToad.PdfPig.dll'
            'tools/net10.0/any/UglyToad.PdfPig.DocumentLayoutAnalysis.dll'
            'tools/net10.0/any/UglyToad.PdfPig.Fonts.dll'
            'tools/net10.0/any/UglyToad.PdfPig.Package.dll'
            'tools/net10.0/any/UglyToad.PdfPig.Tokenization.dll'
            'tools/net10.0/any/UglyToad.PdfPig.Tokens.dll'
        )
    }

    It 'refuses a version the repository already has, and leaves it as it was' {
        $before = (Get-FileHash (Join-Path $repository "GptTrainer.$version.nupkg")).Hash
        { Invoke-PackageTask -RepositoryPath $repository } | Should -Throw "GptTrainer $version is already in the repository at *"
        (Get-FileHash (Join-Path $repository "GptTrainer.$version.nupkg")).Hash | Should -Be $before
        Get-RepositoryList | Should -Be $repositoriesBefore
    }

    It 'refuses a repository that is not a local folder, before registering anything' {
        { Invoke-PackageTask -RepositoryPath 'https://packages.invalid/feed' } | Should -Throw '*is not a local folder*'
        Get-RepositoryList | Should -Be $repositoriesBefore
    }

    It 'refuses a layout holding files the build did not produce' {
        $tree = New-ScratchTree
        Set-Content -Path (Join-Path $tree "out/GptTrainer/$version/notes.txt") -Value 'dropped in by hand'
        { Invoke-PackageTask -Tree $tree } | Should -Throw '*holds files that are not part of the module: notes.txt*'
        Test-Path (Join-Path $tree "out/GptTrainer.$version.nupkg") | Should -BeFalse
    }

    It 'refuses build output that git <Case>' -ForEach @(
        @{ Case = 'would commit (not ignored)'; Ignore = $false }
        @{ Case = 'tracks'; Ignore = $true }
    ) {
        $tree = New-ScratchTree
        $null = & git -C $tree init -q
        if ($Ignore) {
            Set-Content -Path (Join-Path $tree '.gitignore') -Value '/out/'
            $null = & git -C $tree add -f "out/GptTrainer/$version/GptTrainer.dll"
        }
        { Invoke-PackageTask -Tree $tree } | Should -Throw "Build output is tracked by git or not ignored by it: *out/GptTrainer/$version/GptTrainer.dll*"
        Test-Path (Join-Path $tree "out/GptTrainer.$version.nupkg") | Should -BeFalse
    }
}

Describe 'The emulator tool, installed with dotnet tool install from its package file' {
    It 'installs offline, with every source but the package file cleared' {
        $toolInstall.ExitCode | Should -Be 0 -Because $toolInstall.Output
        $toolInstall.Output | Should -Match ([regex]::Escape("'gpttrainer-emulator' (version '$version') was successfully installed"))
        Test-Path $toolCommand | Should -BeTrue
    }

    It 'answers --help with every option and its variable, and exit code 0' {
        $help = Invoke-ChildProcess -FilePath $toolCommand -Arguments '--help' -Environment $quietDotnet -WorkingDirectory $work
        $help.ExitCode | Should -Be 0 -Because $help.Output
        $help.Output | Should -Match 'Usage: gpttrainer-emulator \[options\]'
        foreach ($variable in 'HOST', 'PORT', 'API_KEY', 'PIECE_DELAY_MS', 'PROCESSING_MS', 'TOKEN_BUDGET', 'SEED', 'PARENT_PID') {
            $help.Output | Should -Match "Variable: GPTTRAINER_EMULATOR_$variable\."
        }
    }

    It 'serves the seed sample it ships with, on the port and with the key its variables give, as a service container would start it' {
        $port = Get-FreeLoopbackPort
        $key = 'made-up-key-for-a-ci-container'
        # No flags at all, and a working folder without the seed: the name is found next to the program.
        $variables = $quietDotnet + @{
            GPTTRAINER_EMULATOR_HOST       = '127.0.0.1'
            GPTTRAINER_EMULATOR_PORT       = "$port"
            GPTTRAINER_EMULATOR_API_KEY    = $key
            GPTTRAINER_EMULATOR_SEED       = 'seed.sample.json'
            GPTTRAINER_EMULATOR_PARENT_PID = "$PID"
        }
        $served = Start-ChildProcess -FilePath $toolCommand -Environment $variables -WorkingDirectory $work
        try {
            $stderr = $served.StandardError.ReadToEndAsync()
            $lines = @()
            while (-not ($lines -match '^GPTTRAINER_EMULATOR_KEY=')) {
                $line = $served.StandardOutput.ReadLineAsync()
                if (-not $line.Wait(30000) -or $null -eq $line.Result) { throw "The installed tool did not start: $(@($lines) -join "`n") $($stderr.Result)" }
                $lines += $line.Result
            }
            $base = "http://127.0.0.1:$port"

            $lines | Should -Contain "GPTTRAINER_EMULATOR_URL=$base"
            $lines | Should -Contain "GPTTRAINER_EMULATOR_KEY=$key"
            @(Invoke-RestMethod "$base/api/v1/chatbots" -Headers @{ Authorization = "Bearer $key" } -TimeoutSec 10).name | Sort-Object | Should -Be @('Acme support', 'Internal helpdesk')
            (Invoke-WebRequest "$base/api/v1/chatbots" -SkipHttpErrorCheck -TimeoutSec 10).StatusCode | Should -Be 401

            $null = Invoke-RestMethod -Method Post "$base/_emulator/shutdown" -TimeoutSec 10
            $served.WaitForExit(10000) | Should -BeTrue
            $served.ExitCode | Should -Be 0
            $stderr.Result | Should -BeNullOrEmpty -Because 'on loopback the emulator has nothing to warn about'
        }
        finally {
            if (-not $served.HasExited) { $served.Kill() }
        }
    }
}

# Installed into a temporary profile by the BeforeAll above; skipped on Windows, as explained there.
Describe 'The package, installed with Install-PSResource' -Skip:$IsWindows {
    BeforeAll {
        $emulator = Start-GptTrainerEmulator
        $bot = New-TestChatbot $emulator -Name 'Installed module bot'
        $fresh = $isolated.Clone()
        $fresh.GT_INSTALLED = $installedTo
        $fresh.GPTTRAINER_API_KEY = $emulator.ApiKey
        $fresh.GPTTRAINER_BASE_URL = $emulator.Uri
        $check = Invoke-Pwsh -Environment $fresh -WorkingDirectory $profileHome -Arguments @('-Command', @'
$ErrorActionPreference = 'Stop'
# pwsh always adds the machine-wide module folder at startup; before any module is looked up, the
# path becomes the install location and PowerShell's own modules, as the parallel runspaces inherit.
$env:PSModulePath = $env:GT_INSTALLED + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
$modulePath = $env:PSModulePath
$available = @(Get-Module -ListAvailable -Name GptTrainer).ModuleBase
Import-Module GptTrainer
[pscustomobject]@{
    ModulePath = $modulePath
    Available  = $available
    ModuleBase = (Get-Module GptTrainer).ModuleBase
    Examples   = @((Get-Help Send-GptTrainerMessage -Full).Examples.Example.Code)
    About      = Get-Help about_GptTrainer | Out-String
    Chatbots   = @(Get-GptTrainerChatbot).Name
    Parallel   = @(1..2 | ForEach-Object -Parallel { (Get-Command Send-GptTrainerMessage).Module.ModuleBase })
} | ConvertTo-Json -Depth 3
'@)
        $result = try { $check.Output | ConvertFrom-Json } catch { $null }

        $example = Wait-ChildRun $exampleRun
        $exampleResult = ($example.Output -split '\r?\n' | Where-Object { $_ -like 'EXAMPLE-RESULT *' } | Select-Object -Last 1) -replace '^EXAMPLE-RESULT ' | ConvertFrom-Json
    }

    AfterAll {
        if ($emulator) { Stop-GptTrainerEmulator $emulator }
    }

    It 'installs into the temporary profile, leaving this user''s modules and repositories alone' {
        $install.ExitCode | Should -Be 0 -Because $install.Output
        $install.Output | Should -Match "installed: GptTrainer $([regex]::Escape($version))\b"
        $install.Output | Should -Match "installed: GptTrainer.Emulator $([regex]::Escape($version))\b"
        $installedTo | Should -BeLike "$profileHome*"
        Get-ChildItem (Join-Path $installedTo "GptTrainer/$version") -Recurse -File | Should -Not -BeNullOrEmpty
        Get-RepositoryList | Should -Be $repositoriesBefore
    }

    It 'imports by name from there, with no other module folder on the path but PowerShell''s own' {
        $check.ExitCode | Should -Be 0 -Because $check.Output
        $result.ModulePath -split [IO.Path]::PathSeparator | Should -Be @($installedTo, (Join-Path $PSHOME 'Modules'))
        $result.Available | Should -Be (Join-Path $installedTo "GptTrainer/$version")
        $result.ModuleBase | Should -Be (Join-Path $installedTo "GptTrainer/$version")
    }

    It 'shows the examples in Get-Help Send-GptTrainerMessage -Full' {
        $written = (Import-PowerShellDataFile (Join-Path $RepoRoot 'src/GptTrainer/help/Send-GptTrainerMessage.psd1')).Examples.Code.Trim()
        $result.Examples | Should -Be $written
    }

    It 'shows about_GptTrainer' {
        $source = Get-Content -Raw (Join-Path $RepoRoot 'src/GptTrainer/help/about_GptTrainer.help.txt')
        $result.About.Trim() -replace '\r\n', "`n" | Should -Be ($source.Trim() -replace '\r\n', "`n")
    }

    It 'runs a command against the emulator, announcing its version in the User-Agent' {
        $result.Chatbots | Should -Contain $bot.name
        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/chatbots').userAgent | Should -Be "GptTrainer-PowerShell/$version"
    }

    It 'autoloads by name in ForEach-Object -Parallel runspaces, from the installed copy' {
        $result.Parallel | Should -Be @((Join-Path $installedTo "GptTrainer/$version"), (Join-Path $installedTo "GptTrainer/$version"))
    }

    It 'runs the documented example suite (docs/examples) with Invoke-Pester, as a user would, every test passing' {
        $example.ExitCode | Should -Be 0 -Because $example.Output
        $written = @(Select-String -Path (Join-Path $RepoRoot 'docs/examples/*.Tests.ps1') -Pattern "^\s*It '").Count
        $exampleResult.Failed | Should -BeNullOrEmpty -Because $example.Output
        $exampleResult.Total | Should -Be $written
        @($exampleResult.Passed).Count | Should -Be $written -Because $example.Output
    }
}
