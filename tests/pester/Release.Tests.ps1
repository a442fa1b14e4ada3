# The release round trip as users meet it: build.ps1 -Task Package publishes the laid-out module to a
# temporary local repository, Install-PSResource installs it from there into a temporary user profile
# (in a pwsh of its own), and a fresh pwsh that sees only that profile's modules (and PowerShell's
# own) uses it by name.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $version = (Get-Module GptTrainer).Version.ToString()
    $work = New-TestDirectory
    $repository = Join-Path $work 'repository'

    function Invoke-Pwsh {
        <#
        Runs a fresh pwsh (the one running these tests) with its own environment changes, without
        touching this process's environment. Returns the exit code and everything it printed.
        #>
        param([Parameter(Mandatory)] [string[]] $Arguments, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $RepoRoot)
        $info = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        # Run as `dotnet pwsh`, the host is dotnet and pwsh.dll its first argument.
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in @('-NoProfile', '-NonInteractive') + $Arguments) { $info.ArgumentList.Add($a) }
        $info.Environment['NO_COLOR'] = '1'
        foreach ($entry in $Environment.GetEnumerator()) {
            if ($null -eq $entry.Value) { $null = $info.Environment.Remove($entry.Key) } else { $info.Environment[$entry.Key] = $entry.Value }
        }
        $info.WorkingDirectory = $WorkingDirectory
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($info)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout + $stderr.Result }
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

    function New-ScratchTree {
        <# A copy of what -Task Package -NoBuild reads (build.ps1, the source manifest, the layout). #>
        $tree = Join-Path $work "tree-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $null = New-Item -ItemType Directory -Path (Join-Path $tree 'out')
        Copy-Item (Join-Path $RepoRoot 'build.ps1'), (Join-Path $RepoRoot 'GptTrainer.psd1') -Destination $tree
        Copy-Item -Recurse (Join-Path $RepoRoot 'out/GptTrainer') -Destination (Join-Path $tree 'out')
        $tree
    }

    $repositoriesBefore = Get-RepositoryList
    $packageOutput = Invoke-PackageTask -RepositoryPath $repository
    $repositoriesAfter = Get-RepositoryList
    $nupkg = Join-Path $RepoRoot "out/GptTrainer.$version.nupkg"
}

AfterAll {
    Remove-Item -Recurse -Force -Path $work -ErrorAction SilentlyContinue
}

Describe 'build.ps1 -Task Package' {
    It 'writes out/GptTrainer.<version>.nupkg holding the laid-out module and nothing else' {
        $packageOutput | Should -Match ([regex]::Escape("GptTrainer.$version.nupkg"))
        $layout = (Get-Module GptTrainer).ModuleBase
        $laidOut = Get-ChildItem $layout -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($layout, $_.FullName).Replace('\', '/') } | Sort-Object
        Get-PackageContent $nupkg | Should -Be $laidOut
    }

    It 'publishes that same file to the repository it was given, and registers no repository for good' {
        @(Get-ChildItem $repository).Name | Should -Be "GptTrainer.$version.nupkg"
        (Get-FileHash (Join-Path $repository "GptTrainer.$version.nupkg")).Hash | Should -Be (Get-FileHash $nupkg).Hash
        $repositoriesAfter | Should -Be $repositoriesBefore
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

# Install-PSResource has no destination parameter: it installs into the user's module folder. A user
# profile of its own (HOME, where PowerShell and PSResourceGet keep per-user modules and repositories
# on Linux and macOS) makes that folder temporary. Windows keeps them in known folders that HOME does
# not move, so there this is skipped rather than installed into the real profile.
Describe 'The package, installed with Install-PSResource' -Skip:$IsWindows {
    BeforeAll {
        Test-Path (Join-Path $repository "GptTrainer.$version.nupkg") | Should -BeTrue -Because 'the package must be published to be installed'
        $profileHome = Join-Path $work 'home'
        $null = New-Item -ItemType Directory -Path $profileHome
        # Everything that would lead PowerShell to this machine's user folders is replaced or removed.
        $isolated = @{ HOME = $profileHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }

        $install = Invoke-Pwsh -Environment $isolated -Arguments @('-Command', @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name GptTrainerTest -Uri '$repository' -Trusted
Install-PSResource -Name GptTrainer -Version '$version' -Repository GptTrainerTest -Scope CurrentUser
(Get-InstalledPSResource -Name GptTrainer).InstalledLocation
"@)
        $installedTo = ($install.Output -split '\r?\n' | Where-Object { $_ } | Select-Object -Last 1).Trim()

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
    }

    AfterAll {
        if ($emulator) { Stop-GptTrainerEmulator $emulator }
    }

    It 'installs into the temporary profile, leaving this user''s modules and repositories alone' {
        $install.ExitCode | Should -Be 0 -Because $install.Output
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
}
