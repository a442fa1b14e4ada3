# Issue 13: Sync-GptTrainerDataSource keeps a chatbot's knowledge equal to a folder. Every rule is checked
# against the emulator by what it received (its request log), not by what the cmdlet says it did.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-GptTrainerEmulator
    $work = New-TestDirectory

    function New-KnowledgeFolder {
        <# A folder named $Name (the sync's default collection) holding the given relative paths and texts. #>
        param([string] $Name = 'knowledge', [hashtable] $Files, [string] $Under = (Join-Path $work ([guid]::NewGuid().ToString('N'))))
        $root = Join-Path $Under $Name
        $null = New-Item -ItemType Directory -Path $root -Force
        foreach ($entry in $Files.GetEnumerator()) { Set-KnowledgeFile $root $entry.Key $entry.Value }
        $root
    }

    function Set-KnowledgeFile([string] $Root, [string] $RelativePath, [string] $Text) {
        $file = Join-Path $Root $RelativePath
        $null = New-Item -ItemType Directory -Path (Split-Path $file) -Force
        [System.IO.File]::WriteAllText($file, $Text)
    }

    function Get-Write { @(Get-EmulatorRequest $emulator | Where-Object method -NE 'GET') }
    function Get-Upload { @(Get-EmulatorRequest $emulator -PathLike '*/data-source/upload' -Method POST) }
    function Get-Removal { @(Get-EmulatorRequest $emulator -PathLike '*/delete' -Method POST) }

    # What the chatbot holds, read straight from the emulator so that the module under test is not the witness.
    function Get-Held { @(Invoke-Emulator $emulator "chatbot/$($bot.ChatbotUuid)/data-sources" -Api) }

    function Sync([string] $Path, [hashtable] $With = @{}) {
        Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $Path @With -WarningAction SilentlyContinue -InformationAction Ignore
    }
}

AfterAll {
    $emulator | Stop-GptTrainerEmulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Sync-GptTrainerDataSource' {
    BeforeEach {
        $null = Invoke-Emulator $emulator 'reset' -Method Post
        Connect-TestEmulator $emulator
        $bot = New-GptTrainerChatbot -Name 'Sync bot'
        Clear-EmulatorRequest $emulator
    }

    Context 'Uploads and change detection by content' {
        It 'uploads each file once, in a name that carries its path and content, and titles it by its name without the marker' {
            $root = New-KnowledgeFolder -Files @{ 'intro.md' = "# Welcome to Acme`nAcme sells anvils."; 'guides/install guide.md' = "# Installing the anvil`nPlace it on a flat floor." }

            $results = @(Sync $root @{ Recurse = $true })

            Get-Upload | Should -HaveCount 2
            @(Get-EmulatorRequest $emulator -Method GET) | Should -HaveCount 1 -Because 'one list is all a sync reads'
            ($results | Sort-Object Path).Path | Should -Be @('guides/install guide.md', 'intro.md')
            $results.Action | Should -Be @('Added', 'Added')
            $held = Get-Held | Sort-Object file_name
            $held.file_name[0] | Should -Match '^guides\+install guide\.gtsync-[0-9a-f]{8}-[0-9a-f]{12}-[0-9a-f]{16}\.md$'
            $held.file_name[1] | Should -Match '^intro\.gtsync-[0-9a-f]{8}-[0-9a-f]{12}-[0-9a-f]{16}\.md$'
            # The service titles an upload by its stored file name, the marker and all; end users see titles in citations.
            $renames = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/data-source/*/update' -Method POST)
            $renames | Should -HaveCount 2 -Because 'one rename per new source gives it a title a person would choose'
            Get-Write | Should -HaveCount 4
            ($held | Sort-Object file_name).title | Should -Be @('install guide', 'intro')
            ($results | Sort-Object Path).Title | Should -Be @('install guide', 'intro')
            (Get-Upload).form.'file:file'.fileName | Sort-Object | Should -Be ($held.file_name | Sort-Object)
            $results.DataSourceUuid | Sort-Object | Should -Be ($held.uuid | Sort-Object)
        }

        It 'titles each new source by its path with -TitleFromPath, one rename per upload' {
            $root = New-KnowledgeFolder -Files @{ 'intro.md' = 'Acme sells anvils.'; 'guides/install guide.md' = 'Place it on a flat floor.' }

            $results = @(Sync $root @{ Recurse = $true; TitleFromPath = $true })

            Get-Upload | Should -HaveCount 2
            $renames = @(Get-EmulatorRequest $emulator -PathLike '/api/v1/data-source/*/update' -Method POST)
            $renames | Should -HaveCount 2
            ($renames | ForEach-Object { ($_.body | ConvertFrom-Json).title } | Sort-Object) | Should -Be @('guides/install guide', 'intro')
            (Get-Held).title | Sort-Object | Should -Be @('guides/install guide', 'intro')
            ($results | Sort-Object Path).Title | Should -Be @('guides/install guide', 'intro')
            Clear-EmulatorRequest $emulator

            $null = Sync $root @{ Recurse = $true; TitleFromPath = $true }
            Get-Write | Should -HaveCount 0 -Because 'an unchanged file is neither uploaded nor renamed again'
        }

        It 'sends no write the second time: only the list is read' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'Alpha.'; 'b.txt' = 'Beta.'; 'sub/c.json' = '{"c": 1}' }
            $null = Sync $root @{ Recurse = $true }
            Clear-EmulatorRequest $emulator

            $second = @(Sync $root @{ Recurse = $true; Prune = $true })

            Get-Write | Should -HaveCount 0
            @(Get-EmulatorRequest $emulator) | Should -HaveCount 1
            $second.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        }

        It 'agrees on a fresh checkout elsewhere: new time stamps, another parent folder, CRLF line endings' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = "Line one.`nLine two."; 'sub/b.txt' = "First.`nSecond.`n" }
            $null = Sync $root @{ Recurse = $true }
            $fresh = New-KnowledgeFolder -Files @{ 'a.md' = "Line one.`r`nLine two."; 'sub/b.txt' = "First.`r`nSecond.`r`n" }
            Get-ChildItem $fresh -Recurse -File | ForEach-Object { $_.LastWriteTimeUtc = [datetime]::UtcNow.AddDays(3) }
            Clear-EmulatorRequest $emulator

            $again = @(Sync $fresh @{ Recurse = $true; Prune = $true })

            Get-Write | Should -HaveCount 0
            $again.Action | Should -Be @('Unchanged', 'Unchanged')
        }

        It 'replaces a same-size edit with exactly one upload, then, once it is processed, one removal of the old source' {
            $root = New-KnowledgeFolder -Files @{ 'prices.md' = 'Basic costs 10 euros.'; 'other.md' = 'Unrelated.' }
            $first = @(Sync $root)
            Complete-GptTrainerEmulatorProcessing $emulator
            $old = ($first | Where-Object Path -EQ 'prices.md').DataSourceUuid
            $before = (Get-Item (Join-Path $root 'prices.md')).Length
            Set-KnowledgeFile $root 'prices.md' 'Basic costs 12 euros.'
            (Get-Item (Join-Path $root 'prices.md')).Length | Should -Be $before
            Clear-EmulatorRequest $emulator

            $result = @(Sync $root @{ Wait = $true }) | Where-Object Path -EQ 'prices.md'

            $writes = @(Get-Write | Where-Object path -NotLike '*/update')
            $writes | Should -HaveCount 2
            $writes[0].path | Should -BeLike '*/data-source/upload'
            $writes[1].path | Should -Be "/api/v1/data-source/$old/delete" -Because 'the upload comes first, so the chatbot never lacks the document'
            $writes[0].sequence | Should -BeLessThan $writes[1].sequence
            $result.Action | Should -Be 'Updated'
            $result.PreviousDataSourceUuid | Should -Be $old
            $result.DataSourceUuid | Should -Not -Be $old
            $held = Get-Held
            $held | Should -HaveCount 2
            $held.uuid | Should -Contain $result.DataSourceUuid
            $held.uuid | Should -Not -Contain $old
        }

        It 'takes a renamed file as one add and, with -Prune, one removal' {
            $root = New-KnowledgeFolder -Files @{ 'old-name.md' = 'Same words.'; 'keep.md' = 'Kept.' }
            $old = (@(Sync $root) | Where-Object Path -EQ 'old-name.md').DataSourceUuid
            Complete-GptTrainerEmulatorProcessing $emulator
            Rename-Item (Join-Path $root 'old-name.md') 'new-name.md'
            Clear-EmulatorRequest $emulator

            $results = @(Sync $root @{ Prune = $true })

            Get-Upload | Should -HaveCount 1
            (Get-Upload).form.'file:file'.fileName | Should -Match '^new-name\.gtsync-'
            Get-Removal | Should -HaveCount 1
            (Get-Removal).path | Should -Be "/api/v1/data-source/$old/delete"
            Get-Write | Should -HaveCount 3 -Because 'an upload, its title and a removal'
            ($results | Where-Object Action -EQ 'Removed').Path | Should -Be 'old-name.md'
            ($results | Where-Object Action -EQ 'Added').Path | Should -Be 'new-name.md'
        }

        It 'keeps the source of a deleted file without -Prune, and says so' {
            $root = New-KnowledgeFolder -Files @{ 'gone.md' = 'Soon deleted.'; 'stays.md' = 'Stays.' }
            $null = Sync $root
            Remove-Item (Join-Path $root 'gone.md')
            Clear-EmulatorRequest $emulator

            $results = @(Sync $root)

            Get-Write | Should -HaveCount 0
            $gone = $results | Where-Object Path -EQ 'gone.md'
            $gone.Action | Should -Be 'Skipped'
            $gone.Reason | Should -Match '-Prune'
            Get-Held | Should -HaveCount 2
        }

        It 'syncs only the top folder without -Recurse, and only what -Include and -Exclude select by relative path' {
            $root = New-KnowledgeFolder -Files @{
                'top.md' = 'Top.'; 'top.txt' = 'Top text.'; 'guides/a.md' = 'A.'; 'guides/drafts/b.md' = 'B.'; 'faq/c.md' = 'C.'; '.git/config.txt' = 'hidden'
            }
            @(Sync $root).Path | Sort-Object | Should -Be @('top.md', 'top.txt')
            Clear-EmulatorRequest $emulator
            $null = Invoke-Emulator $emulator 'reset' -Method Post
            $bot = New-GptTrainerChatbot -Name 'Filter bot'
            Clear-EmulatorRequest $emulator

            $results = @(Sync $root @{ Recurse = $true; Include = '*.md'; Exclude = 'guides/drafts/*', 'faq/*' })

            $results.Path | Sort-Object | Should -Be @('guides/a.md', 'top.md')
            Get-Upload | Should -HaveCount 2
        }
    }

    Context 'What a run leaves out' {
        It 'keeps the sources of files left out by -Exclude or a missing -Recurse, even with -Prune' {
            $root = New-KnowledgeFolder -Files @{ 'top.md' = 'Top.'; 'sub/deep.md' = 'Deep.'; 'draft.md' = 'Draft.' }
            $null = Sync $root @{ Recurse = $true }
            Clear-EmulatorRequest $emulator

            $results = @(Sync $root @{ Exclude = 'draft.md'; Prune = $true })

            Get-Write | Should -HaveCount 0
            $results.Path | Should -Be @('top.md')
            Get-Held | Should -HaveCount 3
        }
    }

    Context 'Ownership' {
        It 'never touches sources added by hand, by another folder''s sync, web pages or Q&A pairs, even with -Prune' {
            $docs = New-KnowledgeFolder -Name 'docs' -Files @{ 'a.md' = 'Doc A.'; 'b.md' = 'Doc B.' }
            $faq = New-KnowledgeFolder -Name 'faq' -Files @{ 'a.md' = 'Faq A.' }
            $null = Sync $docs
            $faqSource = (Sync $faq).DataSourceUuid
            $byHand = Join-Path $work 'a.md'
            Set-Content -Path $byHand -Value 'Added by hand.'
            $manual = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $byHand
            $page = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Url 'https://example.org/help'
            $qa = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Question 'Open on Sunday?' -Answer 'No.'
            $others = @($faqSource, $manual.DataSourceUuid, $page.DataSourceUuid, $qa.DataSourceUuid)
            Complete-GptTrainerEmulatorProcessing $emulator
            Get-ChildItem $docs -File | Remove-Item
            Clear-EmulatorRequest $emulator

            $results = @(Sync $docs @{ Prune = $true })

            Get-Upload | Should -HaveCount 0
            Get-Removal | Should -HaveCount 1 -Because 'the two docs sources go in one bulk request'
            (Get-Removal).path | Should -Be '/api/v1/data-sources/delete'
            $results.Action | Should -Be @('Removed', 'Removed')
            $results.Path | Sort-Object | Should -Be @('a.md', 'b.md')
            $held = Get-Held
            $held.uuid | Sort-Object | Should -Be ($others | Sort-Object)
        }

        It 'keeps two folders of the same name apart with -Collection' {
            $one = New-KnowledgeFolder -Name 'docs' -Files @{ 'x.md' = 'From one.' }
            $two = New-KnowledgeFolder -Name 'docs' -Files @{ 'y.md' = 'From two.' }
            $null = Sync $one @{ Collection = 'team-one' }
            Clear-EmulatorRequest $emulator

            $results = @(Sync $two @{ Collection = 'team-two'; Prune = $true })

            $results.Action | Should -Be @('Added')
            Get-Removal | Should -HaveCount 0
            Get-Held | Should -HaveCount 2
        }
    }

    Context 'Duplicates (409)' {
        It 'takes a 409 for the very version it uploads as done, not as a failure' {
            $root = New-KnowledgeFolder -Files @{ 'race.md' = 'Uploaded by a parallel run.' }
            $first = @(Sync $root)
            # A list that does not show it yet: as if another run uploaded it between this run's list and its upload.
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'GET'; path = '/data-sources$'; status = 200; body = '[]' }
            Clear-EmulatorRequest $emulator

            $result = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -ErrorVariable err -WarningVariable warnings -InformationAction Ignore

            $err | Should -HaveCount 0
            $warnings | Should -HaveCount 0
            Get-Upload | Should -HaveCount 1
            Get-Removal | Should -HaveCount 0
            $result.Action | Should -Be 'Added'
            $result.DataSourceUuid | Should -Be $first.DataSourceUuid
            $result.Reason | Should -Match 'already had this version'
            Get-Held | Should -HaveCount 1
        }

        It 'finds its version in the list when the 409 does not name the source' {
            $root = New-KnowledgeFolder -Files @{ 'race.md' = 'Uploaded by a parallel run.' }
            $first = @(Sync $root)
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'GET'; path = '/data-sources$'; status = 200; body = '[]' }
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/data-source/upload$'; status = 409; body = '' }
            Clear-EmulatorRequest $emulator

            $result = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -ErrorVariable err -InformationAction Ignore

            $err | Should -HaveCount 0
            @(Get-EmulatorRequest $emulator -Method GET) | Should -HaveCount 2
            $result.DataSourceUuid | Should -Be $first.DataSourceUuid
        }

        It 'leaves a file out, with a warning and without removing its old version, when the 409 names a source it did not make' {
            $root = New-KnowledgeFolder -Files @{ 'policy.md' = 'Version one.' }
            $old = (@(Sync $root)).DataSourceUuid
            Set-Content -Path (Join-Path $work 'policy.md') -Value 'By hand.'
            $manual = New-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path (Join-Path $work 'policy.md')
            $manualJson = Invoke-Emulator $emulator "chatbot/$($bot.ChatbotUuid)/data-sources" -Api | Where-Object uuid -EQ $manual.DataSourceUuid | ConvertTo-Json -Compress
            Set-KnowledgeFile $root 'policy.md' 'Version two, where the service judges duplicates by content.'
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/data-source/upload$'; status = 409; body = $manualJson }
            Clear-EmulatorRequest $emulator

            $result = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -ErrorVariable err -WarningVariable warnings -WarningAction SilentlyContinue -InformationAction Ignore

            $err | Should -HaveCount 0
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -Match 'policy\.md.*already has this file'
            $result.Action | Should -Be 'Skipped'
            Get-Removal | Should -HaveCount 0
            (Get-Held).uuid | Should -Contain $old
        }
    }

    Context 'Safety' {
        It 'removes nothing when an upload fails, names the file in a non-terminating error, and lets $? fail' {
            $root = New-KnowledgeFolder -Files @{ 'changed.md' = 'Old text.'; 'deleted.md' = 'Going.'; 'new-1.md' = 'x' }
            Remove-Item (Join-Path $root 'new-1.md')
            $null = Sync $root
            Complete-GptTrainerEmulatorProcessing $emulator
            Set-KnowledgeFile $root 'changed.md' 'New text, longer than before.'
            Remove-Item (Join-Path $root 'deleted.md')
            Set-KnowledgeFile $root 'new-1.md' 'A new file.'
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/data-source/upload$'; status = 500; body = '{"error":"disk full"}' }
            Clear-EmulatorRequest $emulator

            $results = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Prune -ThrottleLimit 1 -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore)
            $succeeded = $?

            $succeeded | Should -BeFalse
            Get-Upload | Should -HaveCount 2
            Get-Removal | Should -HaveCount 0
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Http500,*'
            $err[0].ToString() | Should -Match 'Could not upload (changed|new-1)\.md.*disk full'
            $failed = @($results | Where-Object Action -EQ 'Failed')
            $failed | Should -HaveCount 1
            $err[0].TargetObject | Should -Be (Join-Path $root $failed[0].Path)
            ($results | Where-Object Path -EQ 'deleted.md').Action | Should -Be 'Skipped'
            ($results | Where-Object Path -EQ 'deleted.md').Reason | Should -Match '1 file failed'
            Get-Held | Should -HaveCount 3 -Because 'the old version, the deleted file''s source and the one upload that worked'
        }

        It 'fails a file, and removes nothing, when the service stores it under a name without the marker' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'Version one.'; 'gone.md' = 'Going.' }
            $null = Sync $root
            Set-KnowledgeFile $root 'a.md' 'Version two.'
            Remove-Item (Join-Path $root 'gone.md')
            $renamed = @{ uuid = 'a' * 32; title = 'A'; file_name = 'a.md'; file_size = 12; tokens = 0; type = 'upload'; status = 'await'; meta_json = '{}'; created_at = '2026-01-01T00:00:00Z'; modified_at = '2026-01-01T00:00:00Z' } | ConvertTo-Json -Compress
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/data-source/upload$'; status = 200; body = $renamed }
            Clear-EmulatorRequest $emulator

            $results = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Prune -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore)

            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'SyncMarkerLost,*'
            $err[0].Exception.Message | Should -Match "stored a\.md as 'a\.md'"
            ($results | Where-Object Path -EQ 'a.md').Action | Should -Be 'Failed'
            Get-Removal | Should -HaveCount 0
        }

        It 'reports a list of the wrong shape as one error and sends no write' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A.' }
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'GET'; path = '/data-sources$'; status = 200; body = '{"sources": []}' }

            $results = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Prune -ErrorVariable err -ErrorAction SilentlyContinue -InformationAction Ignore)

            $results | Should -HaveCount 0
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'UnexpectedAnswer,*'
            Get-Write | Should -HaveCount 0
        }

        It 'skips files the service cannot take, with a warning each, and uploads none of them' {
            $root = New-KnowledgeFolder -Files @{ 'picture.gif' = 'GIF89a'; 'noextension' = 'text'; 'fine.md' = 'Fine.' }
            $null = New-Item -ItemType File -Path (Join-Path $root 'empty.txt')
            [System.IO.File]::WriteAllBytes((Join-Path $root 'large.txt'), [byte[]]::new(1.5MB))

            $results = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -MaximumFileSizeMB 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err -InformationAction Ignore)

            $err | Should -HaveCount 0
            Get-Upload | Should -HaveCount 1
            (Get-Upload).form.'file:file'.fileName | Should -Match '^fine\.gtsync-'
            ($results | Where-Object Action -EQ 'Skipped').Path | Sort-Object | Should -Be @('empty.txt', 'large.txt', 'noextension', 'picture.gif')
            $warnings | Should -HaveCount 4
            ($results | Where-Object Path -EQ 'large.txt').Reason | Should -Match 'MaximumFileSizeMB'
            ($results | Where-Object Path -EQ 'picture.gif').Reason | Should -Match '\.gif'
        }

        It 'refuses the whole run, before any change, when -Prune would remove more than -MaximumDelete' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A'; 'b.md' = 'B'; 'c.md' = 'C' }
            $null = Sync $root
            Complete-GptTrainerEmulatorProcessing $emulator
            Get-ChildItem $root -File | Remove-Item
            Set-KnowledgeFile $root 'new.md' 'A new file that is not uploaded either.'
            Clear-EmulatorRequest $emulator

            { Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Prune -MaximumDelete 2 -InformationAction Ignore -ErrorAction Stop } | Should -Throw -ErrorId 'TooManyRemovals,*'

            Get-Write | Should -HaveCount 0
            $error[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $error[0].Exception.Message | Should -Match 'remove 3 data sources.*-MaximumDelete 3'
            @(Sync $root @{ Prune = $true; MaximumDelete = 3 }).Action | Sort-Object | Should -Be @('Added', 'Removed', 'Removed', 'Removed')
        }

        It 'has a default -MaximumDelete that stops an emptied folder from wiping 21 sources' {
            $files = @{}
            1..21 | ForEach-Object { $files["doc$_.md"] = "Document $_." }
            $root = New-KnowledgeFolder -Files $files
            $null = Sync $root
            Complete-GptTrainerEmulatorProcessing $emulator
            Get-ChildItem $root -File | Remove-Item
            Clear-EmulatorRequest $emulator

            { Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Prune -InformationAction Ignore -ErrorAction Stop } | Should -Throw -ErrorId 'TooManyRemovals,*'
            Get-Write | Should -HaveCount 0
        }

        It 'refuses <Case> before any request' -ForEach @(
            @{ Case = 'a missing folder'; Arguments = @{ Path = 'missing-folder' }; ErrorId = 'FolderNotFound'; Category = 'ObjectNotFound' }
            @{ Case = 'a file for a folder'; Arguments = @{ Path = 'file' }; ErrorId = 'NotAFolder'; Category = 'InvalidArgument' }
            @{ Case = 'a broken wildcard'; Arguments = @{ Path = 'folder'; Include = '[a' }; ErrorId = 'InvalidWildcard'; Category = 'InvalidArgument' }
            @{ Case = 'a malformed chatbot uuid'; Arguments = @{ Path = 'folder'; ChatbotUuid = 'not-a-uuid' }; ErrorId = 'InvalidUuid'; Category = 'InvalidArgument' }
        ) {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A' }
            $call = @{ ChatbotUuid = $bot.ChatbotUuid }
            foreach ($key in $Arguments.Keys) { $call[$key] = $Arguments[$key] }
            $call.Path = switch ($Arguments.Path) { 'folder' { $root } 'file' { Join-Path $root 'a.md' } default { Join-Path $root $_ } }

            Sync-GptTrainerDataSource @call -ErrorVariable err -ErrorAction SilentlyContinue -InformationAction Ignore

            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $err[0].CategoryInfo.Category | Should -Be $Category
            Get-EmulatorRequestCount $emulator | Should -Be 0
        }
    }

    Context 'Output and -WhatIf' {
        It 'writes the plan with -WhatIf as the same objects the run then writes, and sends no write' {
            $root = New-KnowledgeFolder -Files @{ 'same.md' = 'Same.'; 'edit.md' = 'Before.'; 'gone.md' = 'Gone.'; 'skip.gif' = 'GIF' }
            $null = Sync $root
            Complete-GptTrainerEmulatorProcessing $emulator
            Set-KnowledgeFile $root 'edit.md' 'After the edit.'
            Remove-Item (Join-Path $root 'gone.md')
            Set-KnowledgeFile $root 'added.md' 'Added.'
            Clear-EmulatorRequest $emulator

            $plan = @(Sync $root @{ Prune = $true; WhatIf = $true })
            Get-Write | Should -HaveCount 0
            $run = @(Sync $root @{ Prune = $true })

            $plan | ForEach-Object { $_ | Should -BeOfType ([GptTrainer.Models.DataSourceSyncResult]) }
            ($plan | Sort-Object Path | ForEach-Object { "$($_.Action) $($_.Path)" }) | Should -Be ($run | Sort-Object Path | ForEach-Object { "$($_.Action) $($_.Path)" })
            ($plan | Sort-Object Path | ForEach-Object { "$($_.Action) $($_.Path)" }) | Should -Be @('Added added.md', 'Updated edit.md', 'Removed gone.md', 'Unchanged same.md', 'Skipped skip.gif')
        }

        It 'shows Action, Path, Status, DataSourceUuid and Reason in its table view, and a one-line summary' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A.' }
            $all = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root 6>&1
            $summary = @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] })
            $result = $all | Where-Object { $_ -is [GptTrainer.Models.DataSourceSyncResult] }

            $summary | Should -HaveCount 1
            $summary[0].Tags | Should -Contain 'PSHOST'
            "$($summary[0].MessageData)" | Should -Match "^Synced .+ to chatbot $($bot.ChatbotUuid): 1 added, 0 updated, 0 removed, 0 unchanged, 0 skipped, 0 failed\.$"
            $table = $result | Format-Table | Out-String -Width 200
            $table | Should -Match 'Action\s+Path\s+Status\s+DataSourceUuid\s+Reason'
            $table | Should -Match "Added\s+a\.md\s+await\s+$($result.DataSourceUuid)\s+new file"
        }

        It 'shows a progress bar over the uploads' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A.'; 'b.md' = 'B.' }
            $run = Start-ModuleInstance $emulator 'Sync-GptTrainerDataSource -ChatbotUuid $Arguments.Bot -Path $Arguments.Root' @{ Bot = $bot.ChatbotUuid; Root = $root }
            try {
                $null = $run.PowerShell.EndInvoke($run.Handle)

                $progress = @($run.PowerShell.Streams.Progress | Where-Object Activity -EQ 'Syncing data sources')
                @($progress.StatusDescription -match '^Uploaded [12] of 2: [ab]\.md$') | Should -HaveCount 2
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            finally {
                $run.PowerShell.Dispose()
            }
        }
    }

    Context 'Never losing the last version that works (issue 18)' {
        BeforeEach {
            function Set-TokenBudget([int] $Tokens) { $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ tokenBudget = $Tokens } }
            function Set-SourceStatus([string] $Uuid, [string] $Status) { $null = Invoke-Emulator $emulator "sources/$Uuid/status" -Method Post -Body @{ status = $Status } }
        }

        AfterEach {
            $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ tokenBudget = 10000000; processingMs = 200 }
        }

        It 'keeps every working version when a CI retry runs again after the new versions failed to process' {
            $files = @{}
            1..3 | ForEach-Object { $files["doc$_.md"] = "Short document $_." }
            $root = New-KnowledgeFolder -Files $files
            $working = @(Sync $root @{ Wait = $true }).DataSourceUuid
            1..3 | ForEach-Object { Set-KnowledgeFile $root "doc$_.md" ("Much longer now. " * 200) }
            Set-TokenBudget 100
            $null = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Wait -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore
            Clear-EmulatorRequest $emulator

            # The same command again, as a CI retry runs it.
            $retry = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Wait -MaximumDelete 20 -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore)
            $succeeded = $?

            Get-Removal | Should -HaveCount 0
            Get-Upload | Should -HaveCount 0
            $succeeded | Should -BeFalse -Because 'the files the chatbot holds for this folder still failed to process'
            @($err | Where-Object FullyQualifiedErrorId -Like 'DataSourceFailed,*') | Should -HaveCount 3
            $held = Get-Held
            $working | ForEach-Object { $held.uuid | Should -Contain $_ }
            @($held | Where-Object status -EQ 'success') | Should -HaveCount 3
            $kept = @($retry | Where-Object { $_.Action -eq 'Skipped' -and $_.DataSourceUuid -in $working })
            $kept | Should -HaveCount 3
            $kept | ForEach-Object { $_.Reason | Should -Match 'older version.*kept: the current version .* could not be processed \(status ''error:token''\)' }
            @($retry | Where-Object Action -EQ 'Failed') | Should -HaveCount 3
        }

        It 'removes an older version only once the version that replaces it is processed' {
            $root = New-KnowledgeFolder -Files @{ 'prices.md' = 'Basic costs 10 euros.' }
            $old = (Sync $root).DataSourceUuid
            Complete-GptTrainerEmulatorProcessing $emulator
            $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ processingMs = 600000 }
            Set-KnowledgeFile $root 'prices.md' 'Basic costs 12 euros.'
            Clear-EmulatorRequest $emulator

            $updated = Sync $root

            Get-Removal | Should -HaveCount 0 -Because 'the new version is still processing'
            $updated.Action | Should -Be 'Updated'
            $updated.Reason | Should -Match "previous version $old kept until the new version .* is processed"
            (Get-Held).uuid | Should -Contain $old

            $again = @(Sync $root)
            Get-Removal | Should -HaveCount 0
            ($again | Where-Object DataSourceUuid -EQ $old).Reason | Should -Match 'kept until the current version .* is processed'

            Complete-GptTrainerEmulatorProcessing $emulator
            $done = @(Sync $root)
            @(Get-Removal).path | Should -Be "/api/v1/data-source/$old/delete"
            ($done | Where-Object DataSourceUuid -EQ $old).Action | Should -Be 'Removed'
            ($done | Where-Object DataSourceUuid -EQ $old).Reason | Should -Be 'an older version of this file'
            (Get-Held).uuid | Should -Not -Contain $old
        }

        It 'counts the removal of older versions against -MaximumDelete, before any change' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A1'; 'b.md' = 'B1'; 'c.md' = 'C1' }
            $null = Sync $root
            Complete-GptTrainerEmulatorProcessing $emulator
            'a.md', 'b.md', 'c.md' | ForEach-Object { Set-KnowledgeFile $root $_ "$_ edited" }
            Clear-EmulatorRequest $emulator

            { Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Wait -MaximumDelete 2 -ErrorAction Stop -InformationAction Ignore } | Should -Throw -ErrorId 'TooManyRemovals,*'

            Get-Write | Should -HaveCount 0
            $error[0].Exception.Message | Should -Match 'remove 3 data sources \(3 previous versions of changed files\).*-MaximumDelete 3'
        }

        It 'never removes a version another sync of the folder is still waiting for' {
            $root = New-KnowledgeFolder -Files @{ 'f.md' = 'Version one.' }
            $first = (Sync $root).DataSourceUuid
            Complete-GptTrainerEmulatorProcessing $emulator
            $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ processingMs = 600000 }
            Set-KnowledgeFile $root 'f.md' 'Version two.'
            $waiting = Start-ModuleInstance $emulator 'Sync-GptTrainerDataSource -ChatbotUuid $Arguments.Bot -Path $Arguments.Root -Wait -InformationAction Ignore' @{ Bot = $bot.ChatbotUuid; Root = $root }
            try {
                Wait-Until { @(Get-Held).Count -ge 2 -and @(Get-EmulatorRequest $emulator -PathLike '*/data-sources' -Method GET).Count -ge 3 } -Because 'the first run to have uploaded version two and to be polling for it'
                $second = (Get-Held | Where-Object uuid -NE $first).uuid
                Set-KnowledgeFile $root 'f.md' 'Version three.'
                $third = (@(Sync $root) | Where-Object Action -EQ 'Updated').DataSourceUuid
                Set-SourceStatus $third 'success'
                Clear-EmulatorRequest $emulator

                $results = @(Sync $root)

                @(Get-Removal).path | Should -Be "/api/v1/data-source/$first/delete" -Because 'version one is settled, and version three is processed'
                ($results | Where-Object DataSourceUuid -EQ $second).Reason | Should -Match 'still processing.*another sync may be waiting'
                (Get-Held).uuid | Should -Contain $second

                Complete-GptTrainerEmulatorProcessing $emulator
                $null = $waiting.PowerShell.EndInvoke($waiting.Handle)
                $waiting.PowerShell.Streams.Error | Should -BeNullOrEmpty -Because 'the version it waited for was still there when it was processed'
                @($waiting.Output | Where-Object Path -EQ 'f.md').Action | Should -Be 'Updated'
            }
            finally {
                $waiting.PowerShell.Dispose()
            }
        }
    }

    Context 'Links and names (issue 18)' {
        It 'skips a link to a file outside the folder, with a warning naming it, and syncs a link that stays inside' {
            $root = New-KnowledgeFolder -Files @{ 'real.md' = 'Inside the folder.' }
            $secret = Join-Path (Split-Path $root) 'credentials.json'
            Set-Content -Path $secret -Value '{"private_key": "do not publish"}'
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $root 'faq.json') -Target $secret
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $root 'alias.md') -Target (Join-Path $root 'real.md')

            $results = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore)

            $link = $results | Where-Object Path -EQ 'faq.json'
            $link.Action | Should -Be 'Skipped'
            $link.Reason | Should -Match "link to .*credentials\.json, outside the synced folder"
            @($warned | Where-Object Message -Match 'faq\.json') | Should -HaveCount 1
            @(Get-Upload).form.'file:file'.fileName | Should -Not -Match '^faq'
            ($results | Where-Object Path -EQ 'alias.md').Action | Should -Be 'Added'
            @(Get-Upload) | Should -HaveCount 2
        }

        It 'reports two names that differ only in Unicode normalization as a collision, and changes nothing for them' {
            $root = New-KnowledgeFolder -Files @{ 'other.md' = 'Other.' }
            $composed = "caf$([char]0x00E9).md"
            $decomposed = "cafe$([char]0x0301).md"
            Set-KnowledgeFile $root $composed 'Composed.'
            $before = @(Sync $root)
            $held = ($before | Where-Object Path -EQ $composed).DataSourceUuid
            Complete-GptTrainerEmulatorProcessing $emulator
            Set-KnowledgeFile $root $decomposed 'Decomposed.'
            Clear-EmulatorRequest $emulator

            foreach ($run in 1..2) {
                $results = @(Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Prune -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore)

                Get-Write | Should -HaveCount 0
                $err | Should -HaveCount 1
                $err[0].FullyQualifiedErrorId | Should -BeLike 'PathCollision,*'
                $err[0].Exception.Message | Should -Match ([regex]::Escape($composed))
                $err[0].Exception.Message | Should -Match ([regex]::Escape($decomposed))
                @($results | Where-Object Action -EQ 'Failed').Path | Sort-Object | Should -Be (@($composed, $decomposed) | Sort-Object)
                (Get-Held).uuid | Should -Contain $held
            }
        }

        It 'titles a new source as a person would, so that an answer test can name it' {
            $bot = New-GptTrainerChatbot -Name 'Citing bot' -ShowCitations
            $root = New-KnowledgeFolder -Files @{ 'laptops.md' = 'Every new employee gets a laptop on the first day; replacements take two days.' }
            $result = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Wait -InformationAction Ignore

            $result.Title | Should -Be 'laptops'
            (Get-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid).Title | Should -Be 'laptops'
            $evaluation = Invoke-GptTrainerEvaluation -ChatbotUuid $bot.ChatbotUuid -TestCase @{ Question = 'When do new employees get a laptop?'; CitesSource = 'laptops' }
            $evaluation.Failures | Should -BeNullOrEmpty
            $evaluation.Passed | Should -BeTrue
        }
    }

    Context '-Wait and -ThrottleLimit' {
        It 'waits until the new versions are processed, and reports their final status' {
            $root = New-KnowledgeFolder -Files @{ 'a.md' = 'A.'; 'b.md' = 'B.' }

            $results = @(Sync $root @{ Wait = $true })

            $results.Status | Should -Be @('success', 'success')
            (Get-Held).status | Should -Be @('success', 'success')
        }

        It 'keeps the old version when the new one fails to process, with an error that explains the status' {
            $root = New-KnowledgeFolder -Files @{ 'big.md' = 'Short.' }
            $old = (@(Sync $root @{ Wait = $true })).DataSourceUuid
            Set-KnowledgeFile $root 'big.md' ('Much longer now. ' * 200)
            $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ tokenBudget = 100 }
            Clear-EmulatorRequest $emulator

            $result = Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path $root -Wait -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore
            $null = Invoke-Emulator $emulator 'processing' -Method Post -Body @{ tokenBudget = 10000000 }

            Get-Upload | Should -HaveCount 1
            Get-Removal | Should -HaveCount 0
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'DataSourceFailed,*'
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $err[0].Exception.Message | Should -Match "big\.md .*error:token.*token limit"
            $err[0].TargetObject | Should -Be (Join-Path $root 'big.md')
            $result.Action | Should -Be 'Failed'
            $result.Status | Should -Be 'error:token'
            (Get-Held).uuid | Should -Contain $old
        }

        It 'runs at most -ThrottleLimit uploads at once, and stops them all at once on Ctrl+C' {
            $files = @{}
            1..6 | ForEach-Object { $files["doc$_.md"] = "Document $_." }
            $root = New-KnowledgeFolder -Files $files
            $null = Invoke-Emulator $emulator 'faults' -Method Post -Body @{ method = 'POST'; path = '/data-source/upload$'; stallBeforeHeadersMs = 60000; times = 6 }
            $run = Start-ModuleInstance $emulator 'Sync-GptTrainerDataSource -ChatbotUuid $Arguments.Bot -Path $Arguments.Root -ThrottleLimit 3 -Prune' @{ Bot = $bot.ChatbotUuid; Root = $root }
            try {
                Wait-Until { (Get-Upload).Count -ge 3 } -Because 'three uploads to be under way'

                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $run.PowerShell.Stop()
                $watch.Stop()

                $watch.ElapsedMilliseconds | Should -BeLessThan 1000
                $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
                Get-Upload | Should -HaveCount 3 -Because 'the other three waited for a free slot, and none was started after the stop'
                Get-Removal | Should -HaveCount 0
            }
            finally {
                $run.PowerShell.Dispose()
            }
            $null = Invoke-Emulator $emulator 'faults' -Method Delete
        }
    }
}
