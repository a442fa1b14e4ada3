BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $cmdlets = @(Get-Command -Module GptTrainer -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $manifest = Import-PowerShellDataFile $ModuleManifest
    $module = Get-Module GptTrainer
    # The cmdlets' assembly, and the engine beneath them, which ships beside it.
    $assembly = [GptTrainer.Commands.GptTrainerCmdlet].Assembly
    $engine = [GptTrainer.Models.Chatbot].Assembly
    $about = Get-Help about_GptTrainer | Out-String
}

Describe 'The module as a whole' {
    It 'declares both editions, PowerShell 5.1, and its cmdlets explicitly' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        @(Get-Command -Module GptTrainer).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports every cmdlet its assembly defines, so a new cmdlet cannot be left out of the manifest' {
        $defined = foreach ($type in $assembly.GetExportedTypes()) {
            $attribute = [System.Attribute]::GetCustomAttribute($type, [System.Management.Automation.CmdletAttribute])
            if ($attribute -and -not $type.IsAbstract) { "$($attribute.VerbName)-$($attribute.NounName)" }
        }
        $defined | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'is laid out as PowerShell installs it, with its files and nothing else' {
        Split-Path -Leaf (Split-Path $module.ModuleBase) | Should -Be 'GptTrainer'
        $files = Get-ChildItem $module.ModuleBase -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($module.ModuleBase, $_.FullName).Replace('\', '/') }
        $files | Sort-Object | Should -Be (@(
                'GptTrainer.psd1', 'GptTrainer.dll', 'GptTrainer.Engine.dll', 'GptTrainer.Format.ps1xml', 'en-US/GptTrainer.dll-Help.xml', 'en-US/about_GptTrainer.help.txt'
            ) | Sort-Object)
    }

    It 'has one version: the source manifest''s, in the folder name, the laid-out manifest and the assembly' {
        $source = (Import-PowerShellDataFile (Join-Path $RepoRoot 'GptTrainer.psd1')).ModuleVersion
        $module.Version | Should -Be ([version]$source)
        Split-Path -Leaf $module.ModuleBase | Should -Be $source
        # The User-Agent the module sends is built from the assembly's version.
        $assembly.GetName().Version.ToString(3) | Should -Be $source
        $engine.GetName().Version.ToString(3) | Should -Be $source
    }

    It 'passes Test-ModuleManifest as laid out' {
        { Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'tells users and galleries what it needs and where it comes from' {
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
        $psData = $manifest.PrivateData.PSData
        $psData.Tags | Should -Contain 'GPT-trainer'
        $psData.ProjectUri | Should -Match '^https://'
        $psData.LicenseUri | Should -BeLike "$($psData.ProjectUri)/*/LICENSE"
        $psData.ReleaseNotes | Should -BeLike "*$($psData.ProjectUri)/*/CHANGELOG.md*"
        $module.ProjectUri | Should -Be $psData.ProjectUri
    }

    It 'carries the MIT license its manifest names, and a changelog entry for its version' {
        $manifest.Copyright | Should -Match 'MIT'
        Get-Content (Join-Path $RepoRoot 'LICENSE') -TotalCount 1 | Should -Be 'MIT License'
        $changelog = Get-Content -Raw (Join-Path $RepoRoot 'CHANGELOG.md')
        $changelog | Should -Match '(?m)^## \[Unreleased\]$'
        $changelog | Should -Match "(?m)^## \[$([regex]::Escape($manifest.ModuleVersion))\] - \d{4}-\d{2}-\d{2}$"
    }

    It 'has an about topic covering <_>' -ForEach @(
        'CONNECTING', 'GPTTRAINER_API_KEY', 'GPTTRAINER_BASE_URL', '-BaseUri', 'THE CURRENT CHATBOT AND SESSION',
        'HOW STREAMING REACHES THE PIPELINE', 'RETRIES AND TIMEOUTS', 'ERRORS IN SCRIPTS AND RUNBOOKS', 'ERROR IDS', 'THE EMULATOR', 'SEE ALSO'
    ) {
        $about | Should -Match ([regex]::Escape($_))
    }

    It 'points a new user of the emulator to the installed tool and module first, and answers what they asked' {
        $emulator = $about.Substring($about.IndexOf('THE EMULATOR'))
        $emulator | Should -Not -Match 'dotnet run --project' -Because 'users have the installed tool, not a clone'
        $emulator | Should -Not -Match 'not part of this module'
        $emulator | Should -Match '\$emulator \| Connect-GptTrainerEmulator'
        $emulator | Should -Match 'gpttrainer-emulator'
        $emulator | Should -Match '(?s)Pester 5.*offline' -Because 'where Pester comes from when the gallery cannot be reached'
        $emulator | Should -Match 'no title is titled by its file name'
        $about | Should -Match 'What a chatbot''s users see of a synced file is its title'
    }

    It 'has what Windows PowerShell 5.1 needs to load it, as far as Linux can show' {
        # netstandard2.0 loads on the .NET Framework 4.7.2+ that 5.1 runs on...
        $assembly.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName | Should -Be '.NETStandard,Version=v2.0'
        # ...as long as it references nothing beyond netstandard and the engine 5.1 has (SMA 3.0.0.0): a
        # reference to PowerShell 7's SMA, or to a package assembly, would fail to load there.
        $version = $engine.GetName().Version
        $references = @($assembly.GetReferencedAssemblies() | ForEach-Object { "$($_.Name) $($_.Version)" }) | Sort-Object
        $references | Should -Be @("GptTrainer.Engine $version", 'netstandard 2.0.0.0', 'System.Management.Automation 3.0.0.0')
        # The engine needs no PowerShell at all, so its tests run on .NET Framework itself (under Mono here).
        $engine.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName | Should -Be '.NETStandard,Version=v2.0'
        @($engine.GetReferencedAssemblies() | ForEach-Object { "$($_.Name) $($_.Version)" }) | Should -Be @('netstandard 2.0.0.0')
        # ...and every API it calls exists on .NET Framework 4.7.2: the same sources, compiled against its
        # reference assemblies by this build (tests/GptTrainer.Net472Check), which fails on a missing API.
        $checked = Get-Item (Join-Path $RepoRoot 'tests/GptTrainer.Net472Check/bin/Release/net472/GptTrainer.Net472Check.dll')
        $checked.LastWriteTimeUtc | Should -BeGreaterOrEqual ((Get-ChildItem (Join-Path $RepoRoot 'src/GptTrainer'), (Join-Path $RepoRoot 'src/GptTrainer.Engine') -Recurse -Filter *.cs | Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]' | Measure-Object LastWriteTimeUtc -Maximum).Maximum) -Because 'the check must have compiled the current sources'
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
    }
}

Describe 'Format views' {
    It 'loads the format file without a single error' {
        { Update-FormatData -PrependPath (Join-Path $module.ModuleBase 'GptTrainer.Format.ps1xml') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'renders computed columns' {
        $source = [GptTrainer.Models.DataSource]@{ DataSourceUuid = 'a' * 32; Title = 'Prices'; FileSize = 123456; Type = 'upload'; Status = 'success' }
        $table = $source | Format-Table | Out-String -Width 200
        $table | Should -Match 'Prices'
        $table | Should -Match '123[,.]456'
        $tag = [GptTrainer.Models.SourceTag]@{ SourceTagUuid = 'b' * 32; Name = 'Billing'; DataSourceUuids = @(('c' * 32), ('d' * 32)) }
        ($tag | Format-Table | Out-String -Width 200) | Should -Match 'Billing\s+\S*\s+2'
    }

    It 'gives <_> a default table or list view' -ForEach @(
        'Chatbot', 'Session', 'Message', 'Citation', 'Context', 'Agent', 'AgentVariable', 'DataSource',
        'DataSourceOperationResult', 'SourceTag', 'ModelInfo'
    ) {
        $data = Get-FormatData -TypeName "GptTrainer.Models.$_"
        $data | Should -Not -BeNullOrEmpty
        # The first view is the default; some types also have a list view for Format-List (issue 18).
        @($data.FormatViewDefinition)[0].Control.GetType().Name | Should -BeIn 'TableControl', 'ListControl'
        @($data.FormatViewDefinition).Control | ForEach-Object { $_.GetType().Name | Should -BeIn 'TableControl', 'ListControl' }
    }

    It 'covers every type a cmdlet declares as output' {
        $declared = Get-Command -Module GptTrainer | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ -and $_.Namespace -eq 'GptTrainer.Models' } | Sort-Object FullName -Unique
        foreach ($type in $declared) {
            Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) is output"
        }
    }
}

Describe '<Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
    }

    It 'uses an approved verb and a singular GptTrainer noun' {
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -Match '^GptTrainer[A-Za-z]*[^s]$|^GptTrainer$'
    }

    It 'has help with a synopsis, a description and examples' {
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + ' \[')
        $help.Synopsis.Length | Should -BeGreaterThan 10
        ($help.Description.Text -join ' ').Length | Should -BeGreaterThan 50
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        foreach ($example in $help.Examples.Example) {
            $example.Code | Should -Match 'GptTrainer'
        }
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $described = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($described.Description.Text -join ' ').Length | Should -BeGreaterThan 10 -Because "-$parameter needs a description"
        }
    }

    It 'supports -WhatIf and -Confirm if it changes anything on the service' {
        if ($command.Verb -in 'New', 'Set', 'Remove', 'Update', 'Add', 'Publish', 'Reset', 'Invoke', 'Clear', 'Start', 'Stop') {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}
