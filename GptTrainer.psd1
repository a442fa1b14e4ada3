@{
    RootModule             = 'GptTrainer.dll'
    ModuleVersion          = '0.2.0'
    GUID                   = '5f0e2c1a-8d3b-4c7e-9a61-2b4f7d9e3c10'
    Author                 = 'GptTrainer contributors'
    CompanyName            = 'GptTrainer contributors'
    Copyright              = '(c) GptTrainer contributors. MIT License.'
    Description            = 'Drive the GPT-trainer chatbot service from PowerShell: chatbots, agents, sessions, data sources, source tags, and replies streamed into the pipeline as they are written.'
    PowerShellVersion      = '5.1'
    # The oldest .NET Framework that runs a netstandard2.0 assembly without extra facades.
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions   = @('Desktop', 'Core')
    # The engine beneath the cmdlets: loaded first, from the module's folder, on both editions.
    RequiredAssemblies     = @('GptTrainer.Engine.dll')
    FormatsToProcess       = @('GptTrainer.Format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Connect-GptTrainer'
        'Disconnect-GptTrainer'
        'Get-GptTrainerContext'
        'Set-GptTrainerContext'
        'Get-GptTrainerChatbot'
        'New-GptTrainerChatbot'
        'Set-GptTrainerChatbot'
        'Remove-GptTrainerChatbot'
        'Export-GptTrainerChatbot'
        'Import-GptTrainerChatbot'
        'Copy-GptTrainerChatbot'
        'Compare-GptTrainerChatbot'
        'Get-GptTrainerAgent'
        'New-GptTrainerAgent'
        'Set-GptTrainerAgent'
        'Enable-GptTrainerAgent'
        'Disable-GptTrainerAgent'
        'Remove-GptTrainerAgent'
        'Get-GptTrainerModel'
        'New-GptTrainerSession'
        'Get-GptTrainerSession'
        'Remove-GptTrainerSession'
        'Send-GptTrainerMessage'
        'Enter-GptTrainerChat'
        'Get-GptTrainerMessage'
        'Remove-GptTrainerMessage'
        'Get-GptTrainerTranscript'
        'Export-GptTrainerConversation'
        'Get-GptTrainerUsage'
        'Get-GptTrainerDataSource'
        'New-GptTrainerDataSource'
        'Set-GptTrainerDataSource'
        'Update-GptTrainerDataSource'
        'Restart-GptTrainerDataSource'
        'Remove-GptTrainerDataSource'
        'Sync-GptTrainerDataSource'
        'Wait-GptTrainerDataSource'
        'Get-GptTrainerSourceTag'
        'New-GptTrainerSourceTag'
        'Set-GptTrainerSourceTag'
        'Remove-GptTrainerSourceTag'
        'Invoke-GptTrainerApi'
        'Invoke-GptTrainerEvaluation'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('GPT-trainer', 'chatbot', 'AI', 'streaming', 'API', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/GptTrainer/GptTrainer'
            LicenseUri   = 'https://github.com/GptTrainer/GptTrainer/blob/main/LICENSE'
            ReleaseNotes = 'What changed in each release: https://github.com/GptTrainer/GptTrainer/blob/main/CHANGELOG.md'
        }
    }
}
