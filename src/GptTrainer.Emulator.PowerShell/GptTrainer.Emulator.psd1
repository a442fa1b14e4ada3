@{
    RootModule           = 'GptTrainer.Emulator.psm1'
    # GptTrainer's version: build.ps1 writes GptTrainer.psd1's ModuleVersion here and into RequiredModules,
    # so this module ships with the version of the tool it starts and needs at least that GptTrainer.
    ModuleVersion        = '0.0.0'
    GUID                 = '40588984-7837-49c9-93ed-2dd993d72ba3'
    Author               = 'GptTrainer contributors'
    CompanyName          = 'GptTrainer contributors'
    Copyright            = '(c) GptTrainer contributors. MIT License.'
    Description          = 'Test scripts that use the GptTrainer module offline: start the local GPT-trainer emulator (the gpttrainer-emulator .NET tool) from a seed file, connect GptTrainer to it, inject faults (429 with Retry-After, 5xx, stalls, replies cut midway) and look at the requests it received, in Pester''s BeforeAll and AfterAll.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    RequiredModules      = @(@{ ModuleName = 'GptTrainer'; ModuleVersion = '0.0.0' })
    FunctionsToExport    = @(
        'Start-GptTrainerEmulator'
        'Stop-GptTrainerEmulator'
        'Connect-GptTrainerEmulator'
        'Reset-GptTrainerEmulator'
        'Add-GptTrainerEmulatorFault'
        'Clear-GptTrainerEmulatorFault'
        'Get-GptTrainerEmulatorRequest'
        'Complete-GptTrainerEmulatorProcessing'
        'Invoke-GptTrainerEmulatorControl'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('GPT-trainer', 'GptTrainer', 'emulator', 'Pester', 'testing', 'mock', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/GptTrainer/GptTrainer'
            LicenseUri   = 'https://github.com/GptTrainer/GptTrainer/blob/main/LICENSE'
            ReleaseNotes = 'What changed in each release: https://github.com/GptTrainer/GptTrainer/blob/main/CHANGELOG.md'
        }
    }
}
