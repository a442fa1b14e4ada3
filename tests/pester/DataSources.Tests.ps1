BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Data sources' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Knowledge bot'
        $null = $bot | New-GptTrainerSession
    }

    It 'uploads a file as multipart form data' {
        $file = Join-Path $work 'plans.txt'
        Set-Content -Path $file -Value 'We offer three plans: Basic, Pro and Enterprise.'
        $source = New-GptTrainerDataSource -Path $file -ReferenceSourceLink 'https://example.org/plans'

        $sent = Get-SentRequest $emulator "/api/v1/chatbot/$($bot.ChatbotUuid)/data-source/upload" POST
        $sent.contentType | Should -BeLike 'multipart/form-data*'
        $sent.form.'file:file'.fileName | Should -Be 'plans.txt'
        $sent.form.'file:file'.length | Should -Be (Get-Item $file).Length
        $sent.form.reference_source_link | Should -Be 'https://example.org/plans'

        $source | Should -BeOfType ([GptTrainer.Models.DataSource])
        $source.FileName | Should -Be 'plans.txt'
        $source.Type | Should -Be 'upload'
        $source.Status | Should -Be 'await'
        $source.ChatbotUuid | Should -Be $bot.ChatbotUuid
    }

    It 'uploads files piped from Get-ChildItem' {
        1..3 | ForEach-Object { Set-Content -Path (Join-Path $work "piped$_.md") -Value "Document number $_." }
        $sources = @(Get-ChildItem $work -Filter 'piped*.md' | New-GptTrainerDataSource)
        $sources.FileName | Sort-Object | Should -Be @('piped1.md', 'piped2.md', 'piped3.md')
        @(Get-EmulatorRequest $emulator -PathLike '*/data-source/upload').Count | Should -Be 3
    }

    It 'uploads files whose names hold a line break, a carriage return or a double quote under those very names, and goes on' {
        # Names Linux allows and Windows does not: the multipart header must carry them without breaking.
        $names = @('a-first.txt', "b`"quoted`".txt", "c-line`nbreak.txt", "d-carriage`rreturn.txt", 'e-last.txt')
        $dir = Join-Path $work 'odd-names'
        $null = New-Item -ItemType Directory -Path $dir
        foreach ($name in $names) { [System.IO.File]::WriteAllText((Join-Path $dir $name), "Content of $name") }

        $sources = @(Get-ChildItem -LiteralPath $dir | Sort-Object Name | New-GptTrainerDataSource -ErrorVariable err -ErrorAction SilentlyContinue)

        $err.Count | Should -Be 0
        $uploads = @(Get-EmulatorRequest $emulator -PathLike '*/data-source/upload')
        $uploads.Count | Should -Be 5
        # The name as the emulator read it from the part, and as it stored and lists it.
        $uploads.ForEach({ $_.form.'file:file'.fileName }) | Should -BeExactly $names
        $sources.FileName | Should -BeExactly $names
        (Get-GptTrainerDataSource).FileName | Sort-Object | Should -BeExactly $names
        # A service that reads only filename gets the name as browsers and the Python SDK write it: ", CR and LF as %22, %0D, %0A.
        $uploads[1].form.'file:file'.contentDisposition | Should -BeLike '*; filename=b%22quoted%22.txt;*'
        $uploads[2].form.'file:file'.contentDisposition | Should -BeLike '*; filename=c-line%0Abreak.txt;*'
        $uploads[3].form.'file:file'.contentDisposition | Should -BeLike '*; filename=d-carriage%0Dreturn.txt;*'
    }

    It 'answers a duplicate upload with a warning and the existing source, not an error' {
        $file = Join-Path $work 'twice.txt'
        Set-Content -Path $file -Value 'Same content.'
        $first = New-GptTrainerDataSource -Path $file
        $second = New-GptTrainerDataSource -Path $file -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err

        $err.Count | Should -Be 0
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match 'already a data source'
        $second.DataSourceUuid | Should -Be $first.DataSourceUuid
        @(Get-GptTrainerDataSource).Count | Should -Be 1
    }

    It 'reports a file type the service refuses, with its message' {
        $file = Join-Path $work 'data.foobar'
        Set-Content -Path $file -Value 'x'
        New-GptTrainerDataSource -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http400,*'
        $err[0].Exception.Message | Should -Match 'file type not allowed'
        $err[0].TargetObject | Should -Be $file
    }

    It 'refuses a missing file before any request' {
        Clear-EmulatorRequest $emulator
        New-GptTrainerDataSource -LiteralPath (Join-Path $work 'missing.pdf') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'reports upload progress for a large file' {
        $file = Join-Path $work 'large.txt'
        [System.IO.File]::WriteAllText($file, ('All about large files. ' * 150000))
        $run = Start-ModuleInstance $emulator 'New-GptTrainerDataSource -ChatbotUuid $Arguments.Bot -Path $Arguments.File' @{ Bot = $bot.ChatbotUuid; File = $file }
        try {
            $null = $run.PowerShell.EndInvoke($run.Handle)

            $progress = @($run.PowerShell.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 0
            $progress[0].Activity | Should -Be 'Uploading data source'
            $progress[-1].RecordType | Should -Be 'Completed'
            $progress[-1].PercentComplete | Should -Be 100
            $run.Output[0].FileSize | Should -Be (Get-Item $file).Length
        }
        finally {
            $run.PowerShell.Dispose()
        }
    }

    It 'adds a web page, and answers a duplicate with a warning and the existing source' {
        $null = Invoke-Emulator $emulator 'web-page' -Method Post -Body @{ url = 'https://example.org/help/shipping'; text = 'Shipping is free above 50 euros.' }
        $page = New-GptTrainerDataSource -Url 'https://example.org/help/shipping'
        (Get-SentRequest $emulator '*/data-source/url' POST).Json.url | Should -Be 'https://example.org/help/shipping'
        $page.Type | Should -Be 'link'
        $page.FileName | Should -Be 'https://example.org/help/shipping'

        $again = New-GptTrainerDataSource -Url 'https://example.org/help/shipping' -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        $again.DataSourceUuid | Should -Be $page.DataSourceUuid
    }

    It 'refuses a URL that is not absolute http(s), before any request' {
        Clear-EmulatorRequest $emulator
        New-GptTrainerDataSource -Url 'ftp://example.org/x' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUrl,*'
        Get-EmulatorRequestCount $emulator | Should -Be 0
    }

    It 'adds a Q&A pair to a piped chatbot and exposes meta_json parsed and raw' {
        $other = New-GptTrainerChatbot -Name 'Other bot'
        $qa = $other | New-GptTrainerDataSource -Question 'Do you ship abroad?' -Answer 'Yes, to 30 countries.'
        (Get-SentRequest $emulator '*/data-source/qa' POST).path | Should -Be "/api/v1/chatbot/$($other.ChatbotUuid)/data-source/qa"
        $sent = (Get-SentRequest $emulator '*/data-source/qa' POST).Json
        $sent.question | Should -Be 'Do you ship abroad?'
        $sent.answer | Should -Be 'Yes, to 30 countries.'

        $qa.Type | Should -Be 'qa'
        $qa.Question | Should -Be 'Do you ship abroad?'
        $qa.Answer | Should -Be 'Yes, to 30 countries.'
        $qa.Meta.answer | Should -Be 'Yes, to 30 countries.'
        ($qa.MetaJson | ConvertFrom-Json).question | Should -Be 'Do you ship abroad?'
    }

    It 'lists, filters and renames sources' {
        $qa = New-GptTrainerDataSource -Question 'Opening hours?' -Answer 'Nine to five.'
        $null = New-GptTrainerDataSource -Url 'https://example.org/about'
        @(Get-GptTrainerDataSource).Count | Should -Be 2
        @(Get-GptTrainerDataSource -Type qa).DataSourceUuid | Should -Be @($qa.DataSourceUuid)
        # Sources are processed in the emulator's processing time, short in tests.
        Wait-Until { @(Get-GptTrainerDataSource -Status success).Count -eq 2 } -Because 'both sources to be processed'

        $renamed = $qa | Set-GptTrainerDataSource -Title 'Hours' -PassThru
        (Get-SentRequest $emulator "/api/v1/data-source/$($qa.DataSourceUuid)/update" POST).Json.title | Should -Be 'Hours'
        $renamed.Title | Should -Be 'Hours'
        (Get-GptTrainerDataSource -Title 'hour*').DataSourceUuid | Should -Be $qa.DataSourceUuid
    }

    It 'retrains web pages in one request and reports the sources the service refuses' {
        $page = New-GptTrainerDataSource -Url 'https://example.org/retrain'
        $qa = New-GptTrainerDataSource -Question 'Q?' -Answer 'A.'
        $results = @($page, $qa | Update-GptTrainerDataSource -ErrorVariable err -ErrorAction SilentlyContinue)

        @(Get-EmulatorRequest $emulator -PathLike '/api/v1/data-sources/url/re-scrape').Count | Should -Be 1
        (Get-SentRequest $emulator '*/re-scrape' POST).Json.uuids | Should -Be @($page.DataSourceUuid, $qa.DataSourceUuid)
        $results.DataSourceUuid | Should -Be @($page.DataSourceUuid)
        $results[0].Status | Should -Be 'restarted scraping'
        $err[0].TargetObject | Should -Be $qa.DataSourceUuid
        $err[0].Exception.Message | Should -Match 'invalid data source'
    }

    It 're-processes failed sources through the endpoint outside /api/v1' {
        $qa = New-GptTrainerDataSource -Question 'Broken?' -Answer 'Yes.'
        $null = Invoke-Emulator $emulator "sources/$($qa.DataSourceUuid)/status" -Method Post -Body @{ status = 'error' }
        $failed = Get-GptTrainerDataSource -Status error
        $result = $failed | Restart-GptTrainerDataSource

        (Get-SentRequest $emulator '/api/data-sources/restart' POST).Json.uuids | Should -Be @($qa.DataSourceUuid)
        $result.DataSourceUuid | Should -Be $qa.DataSourceUuid
        (Get-GptTrainerDataSource -DataSourceUuid $qa.DataSourceUuid).Status | Should -Not -Be 'error'
    }

    It 'removes one source through the single endpoint and several through the bulk endpoint' {
        $sources = 1..3 | ForEach-Object { New-GptTrainerDataSource -Question "Q$_?" -Answer "A$_." }
        $sources[0] | Remove-GptTrainerDataSource -Confirm:$false
        (Get-SentRequest $emulator "/api/v1/data-source/$($sources[0].DataSourceUuid)/delete" POST).method | Should -Be 'POST'

        $sources[1..2] | Remove-GptTrainerDataSource -Confirm:$false
        (Get-SentRequest $emulator '/api/v1/data-sources/delete' POST).Json.uuids | Should -Be @($sources[1].DataSourceUuid, $sources[2].DataSourceUuid)
        @(Get-GptTrainerDataSource).Count | Should -Be 0
    }

    It 'splits a large bulk removal into batches of 100' {
        $uuids = 1..150 | ForEach-Object { [guid]::NewGuid().ToString('N') }
        $uuids | ForEach-Object { [pscustomobject]@{ DataSourceUuid = $_ } } | Remove-GptTrainerDataSource -Confirm:$false
        $batches = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/data-sources/delete')
        $batches.Count | Should -Be 2
        ($batches[0].body | ConvertFrom-Json).uuids.Count | Should -Be 100
        ($batches[1].body | ConvertFrom-Json).uuids.Count | Should -Be 50
    }

    It 'splits a large restart into batches of 100 as well, and goes on after a batch fails' {
        $uuids = 1..150 | ForEach-Object { [guid]::NewGuid().ToString('N') }
        $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ path = '/api/data-sources/restart$'; status = 500 }
        $uuids | ForEach-Object { [pscustomobject]@{ DataSourceUuid = $_ } } | Restart-GptTrainerDataSource -ErrorVariable err -ErrorAction SilentlyContinue
        $batches = @(Get-EmulatorRequest $emulator -PathLike '/api/data-sources/restart')
        $batches.Count | Should -Be 2
        ($batches[0].body | ConvertFrom-Json).uuids.Count | Should -Be 100
        ($batches[1].body | ConvertFrom-Json).uuids.Count | Should -Be 50
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Http500,*'
        @($err[0].TargetObject).Count | Should -Be 100
    }
}
