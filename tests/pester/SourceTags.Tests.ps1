BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
}

Describe 'Source tags' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Tag bot'
        $null = $bot | New-GptTrainerSession
        $a = New-GptTrainerDataSource -Question 'Invoice?' -Answer 'Monthly.'
        $b = New-GptTrainerDataSource -Question 'Refund?' -Answer 'Within 30 days.'
    }

    It 'creates a tag with members' {
        $tag = New-GptTrainerSourceTag -Name Billing -Color '#FF5733' -DataSourceUuid $a.DataSourceUuid
        $sent = (Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/source-tag/create" POST).Json
        $sent.name | Should -Be 'Billing'
        $sent.color | Should -Be '#FF5733'
        $sent.data_source_uuids | Should -Be @($a.DataSourceUuid)

        $tag | Should -BeOfType ([GptTrainer.Models.SourceTag])
        $tag.DataSourceUuids | Should -Be @($a.DataSourceUuid)
        $tag.ChatbotUuid | Should -Be $bot.ChatbotUuid
    }

    It 'lists tags, filtered by name' {
        $null = New-GptTrainerSourceTag -Name Billing -Color '#FF5733'
        $null = New-GptTrainerSourceTag -Name Shipping -Color '#088F8F'
        @(Get-GptTrainerSourceTag).Count | Should -Be 2
        (Get-GptTrainerSourceTag -Name 'ship*').Name | Should -Be 'Shipping'
        (Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/source-tags" GET).method | Should -Be 'GET'
    }

    It 'replaces the members, name and colour on update' {
        $tag = New-GptTrainerSourceTag -Name Billing -Color '#FF5733' -DataSourceUuid $a.DataSourceUuid
        $updated = $tag | Set-GptTrainerSourceTag -Name 'Billing & invoices' -Color '#000000' -DataSourceUuid $a.DataSourceUuid, $b.DataSourceUuid -PassThru
        $sent = (Get-SentRequest $emulator "/api/v1/source-tag/$($tag.SourceTagUuid)/update" POST).Json
        $sent.data_source_uuids | Should -Be @($a.DataSourceUuid, $b.DataSourceUuid)
        $updated.Name | Should -Be 'Billing & invoices'
        $updated.Color | Should -Be '#000000'
        $updated.DataSourceUuids.Count | Should -Be 2

        ($tag | Set-GptTrainerSourceTag -DataSourceUuid @() -PassThru).DataSourceUuids.Count | Should -Be 0
    }

    It 'removes a tag with DELETE and keeps its sources' {
        $tag = New-GptTrainerSourceTag -Name Temp -Color '#FFFFFF' -DataSourceUuid $a.DataSourceUuid
        $tag | Remove-GptTrainerSourceTag -Confirm:$false
        (Get-SentRequest $emulator "/api/v1/source-tag/$($tag.SourceTagUuid)/delete").method | Should -Be 'DELETE'
        @(Get-GptTrainerSourceTag).Count | Should -Be 0
        @(Get-GptTrainerDataSource).Count | Should -Be 2
    }

    It 'validates the colour before any request' {
        Clear-EmulatorRequest $emulator
        { New-GptTrainerSourceTag -Name x -Color 'red' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GptTrainer.Commands.NewGptTrainerSourceTagCommand'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }
}
