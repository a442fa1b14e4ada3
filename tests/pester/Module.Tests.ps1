BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $cmdlets = @(Get-Command -Module GptTrainer -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $manifest = Import-PowerShellDataFile $ModuleManifest
}

Describe 'The module as a whole' {
    It 'declares both editions, PowerShell 5.1, and its cmdlets explicitly' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        @(Get-Command -Module GptTrainer).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'ships no copy of PowerShell''s own assemblies or any other dependency' {
        @(Get-ChildItem (Join-Path $RepoRoot 'bin') -Filter *.dll).Name | Should -Be @('GptTrainer.dll')
    }

    It 'carries the manifest''s version in its assembly, where the User-Agent comes from' {
        $version = (Get-Module GptTrainer).Version
        [GptTrainer.Models.Chatbot].Assembly.GetName().Version.ToString(3) | Should -Be $version.ToString(3)
    }

    It 'targets netstandard2.0 so Windows PowerShell 5.1 can load it' {
        $assembly = [GptTrainer.Models.Chatbot].Assembly
        $framework = $assembly.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName
        $framework | Should -Be '.NETStandard,Version=v2.0'
        @($assembly.GetReferencedAssemblies().Name) | Should -Not -Contain 'System.Runtime'
    }
}

Describe 'Format views' {
    It 'loads the format file without a single error' {
        { Update-FormatData -PrependPath (Join-Path $RepoRoot 'bin/GptTrainer.Format.ps1xml') -ErrorAction Stop } | Should -Not -Throw
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
        $data.FormatViewDefinition.Control.GetType().Name | Should -BeIn 'TableControl', 'ListControl'
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
