@{
    Synopsis    = 'Keeps a chatbot''s knowledge equal to a folder: uploads new files, replaces changed ones and, with -Prune, removes those deleted.'
    Description = @'
Sync-GptTrainerDataSource makes the file sources of a chatbot match the files of a folder, the way aws s3 sync, azcopy sync and rclone sync do for storage. It reads the folder and the chatbot's list of sources (one request), works out what differs, and then:

- uploads every file the chatbot does not have (Added);

- replaces every file whose content changed: the new version is uploaded first, and the previous one removed only once the new one has been processed, so the chatbot never lacks a version it can answer from (Updated);

- with -Prune, removes the sources of files that are no longer in the folder (Removed);

- leaves everything else alone (Unchanged). Running it twice in a row sends no write the second time: only the list is read.

CHANGE DETECTION BY CONTENT. A file is unchanged when its bytes are, whatever its time stamps (a fresh checkout resets them all) and whatever its size (an edit may keep it). Text formats (.txt, .md, .csv, .json, .html, .htm, .rtf) are compared with CRLF line endings read as LF, so a Windows runner and a Linux runner agree about the same commit. Nothing is kept on the machine that runs the sync: two fresh CI machines reach the same verdict, because everything the sync knows is kept with the sources in the service.

WHERE THE IDENTITY LIVES. The sync names each upload itself. The file name the service stores (and lists back) carries the file's path in readable form, then a marker with three short hashes: of the collection (which folder's sync made it), of the path (which file it is) and of the content (which version), then the extension: guides/install.md is stored as guides+install.gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7d.md. Folders are joined with '+'; '%', '+' and characters Windows forbids in names are written as %XX. Because the content hash is part of the name, a same-size edit is a different name, so the service's duplicate rule (409 for a file it already has; name and size, as far as is known) never mistakes a new version for the old one.

WHAT THE CHATBOT'S USERS SEE. Citations show a source's title, and the service titles an upload by the file name it stores, which here carries the marker. So the sync gives every source it adds a title a person would choose, with one more request per upload: the file's name without its extension (guides/laptops.md is titled laptops), or with -TitleFromPath its path without the extension (guides/laptops). That title is what the chatbot's users see in citations, and what an answer test names with CitesSource = 'laptops'. A title that cannot be set is a warning; the upload still counts. A title renamed by hand stays until the file changes: a new version is a new source, with a new title. The stored file name, marker included, also appears in the web app's list of sources and in the file_name of a citation's data (Citations of Get-GptTrainerMessage), which a custom front end could show. The reference link shown with citations is not used by the sync.

OWNERSHIP. The sync only ever updates or removes sources it made for this chatbot and this collection: uploads whose stored name carries the collection's marker. Files added by hand or by New-GptTrainerDataSource, the sources of another folder's sync, web pages and Q&A pairs are never touched, even with -Prune. The collection is the folder's name unless -Collection gives one.

NEVER LOSING THE LAST VERSION THAT WORKS. An older version of a file is removed only once the version that matches the file has reached success. While that version is still processing, or after it failed to process (error:token when the plan's token limit is reached, a damaged file), the older version stays and goes on answering, and its object (Skipped) says why; a run repeated after a failed one, as a CI retry does, removes nothing that works. Without -Wait a run usually ends before its new versions are processed, so their older versions are removed by the next run; with -Wait, by the same run. A source that is still processing is never removed by any run, so two syncs of one folder running at once never remove a version the other is waiting for.

SAFETY. If any upload fails (or a file or folder cannot be read, or with -Wait a version fails to process, or two file names collide), nothing is removed in that run, as rclone does: the failure is a non-terminating error naming the file, the file's object says Failed, $? is false, and the next successful run removes what is due. Every removal a run would make counts against -MaximumDelete (default 20), older versions of changed files included; over it, the whole run is refused before any change. Files the service cannot take are skipped with a warning and not uploaded: extensions other than .pdf .txt .md .doc .docx .csv .json .html .htm .pptx .xlsx .xls .rtf .png .jpg .jpeg, empty files, and files over -MaximumFileSizeMB (the service's own list and limit are not documented; these are the module's assumptions). A 409 answer for a version the chatbot already has (another run got there first) counts as done; a 409 naming a source the sync did not make leaves that file out with a warning.

OUTPUT. One DataSourceSyncResult per file or source, with Action (Added, Updated, Removed, Unchanged, Skipped, Failed), Path (relative to the folder), DataSourceUuid, Status, Reason and more; a table view shows them at a glance, and a progress bar covers reading and uploading. At the end a one-line summary is written to the information stream and shown like Write-Host ("Synced ./docs to chatbot ...: 2 added, 1 updated, 0 removed, 57 unchanged, 1 skipped, 0 failed."); -InformationAction Ignore hides it. With -WhatIf the same objects describe the plan, and no request that changes anything is sent.

LINKS AND NAMES. Hidden files and folders (names starting with a dot, or the Hidden attribute) are left out, as Get-ChildItem leaves them out, and links to folders are not followed. A link (symbolic link, junction) to a file is synced only when the file it leads to is inside the synced folder; a link to a file anywhere else, or one that leads nowhere, is Skipped with a warning naming it, so a sync never publishes a file from outside the folder. Two file names that differ only in Unicode normalization (café.md with é as one character and as e plus an accent, which Linux keeps as two files) would be one file to the sync, which reads names in one form so that every computer agrees on them: both are reported as a PathCollision error and neither is synced until one is renamed. Files left out by -Include, -Exclude or a missing -Recurse, and files skipped, keep the sources synced for them earlier: only a file gone from the folder altogether counts as deleted.
'@
    Parameters  = @{
        ChatbotUuid       = 'The chatbot to sync to; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects, so a chatbot from Get-GptTrainerChatbot can be piped in.'
        Path              = 'The folder to sync, taken literally (no wildcards). Binds from the PSPath property, so a folder from Get-Item can be piped in.'
        Include           = 'Only files that match one of these wildcard patterns are synced. A pattern without / matches a file''s name in any folder (*.md); a pattern with / matches the path relative to the folder (guides/*), where * also crosses folders. Case is ignored.'
        Exclude           = 'Files that match one of these wildcard patterns are left out, matched as for -Include. The sources of files left out are kept, not pruned.'
        Recurse           = 'Syncs the files of subfolders too. Without it only the files directly in the folder are synced (sources synced from subfolders earlier are kept).'
        Prune             = 'Removes the sources this sync made whose file is gone from the folder. Off by default: without it, such sources are reported as Skipped and stay.'
        MaximumDelete     = 'The most sources one run may remove (default 20): the sources of deleted files (-Prune) and the older versions of changed files alike. A run that would remove more is refused before any change, with a TooManyRemovals error; run it with -WhatIf to see the list, then with a larger value if that is intended. 0 refuses any removal.'
        Wait              = 'After uploading, waits until every new version, and every current version a run before left still processing, has been processed (success) or has failed, before removing anything, so that the previous versions of changed files go in the same run. A failure (error, error:token, error:storage, fail) or a timeout is an error that explains the status, and nothing is removed in that run. Without -Wait, previous versions are removed by a later run, once their new versions are processed.'
        WaitTimeoutSec    = 'With -Wait, how long to wait for processing, in seconds (default 600). Sources still working then are reported as WaitTimeout errors; the service goes on processing them.'
        ThrottleLimit     = 'How many uploads run at once (default 4, at most 16).'
        Collection        = 'The name under which this folder''s sources are kept in the chatbot, which decides which sources the sync owns. Defaults to the folder''s name, which is the same on every machine that checks the repository out. Give one when two folders of the same name sync into one chatbot, or to keep the sources of a renamed folder. Compared without regard to case.'
        TitleFromPath     = 'Titles each source the sync uploads by the file''s path relative to the folder, without the extension (guides/install), instead of by the file''s name without the extension (install). A title that cannot be set is a warning; the upload still counts.'
        MaximumFileSizeMB = 'Files larger than this, in MiB, are skipped with a warning (default 50). The service''s limit depends on the plan and is not published; raise this if your plan takes larger files.'
        WhatIf            = 'Writes the plan: the same objects a run would write (Added, Updated, Removed, Skipped, Unchanged), with the What if messages, and sends no request that changes anything. The chatbot''s list is still read.'
        Confirm           = 'Asks before each upload and each removal; what is not confirmed is reported as Skipped.'
    }
    Inputs      = @{
        'System.String' = 'A folder, by the property name PSPath (-Path); a chatbot uuid, by the property name ChatbotUuid.'
    }
    Outputs     = @{ 'GptTrainer.Models.DataSourceSyncResult' = 'One object per file or source: Action, Path, DataSourceUuid, Status, Reason, ChatbotUuid, PreviousDataSourceUuid, FileName and Title.' }
    Notes       = @'
How a failed run shows: each failure is a non-terminating error (so $? is false and -ErrorVariable collects them), the object of that file says Failed, and the summary counts it. With $ErrorActionPreference = 'Stop', as a GitHub Actions pwsh step sets it, the first error ends the step: uploads have all finished by then and nothing has been removed.

A 409 for a duplicate upload is assumed to come with the existing source, as the Python SDK relies on; when the body names no source, the sync reads the list once more to find it.

A changed file's new version is a new source: source tags and agents that named the previous version do not name the new one. To tag what a sync added or updated, pipe its output on: ... | Where-Object Action -in Added, Updated | Set-GptTrainerSourceTag -SourceTagUuid $tag.SourceTagUuid
'@
    Examples    = @(
        @{
            Code    = 'Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path ./knowledge -Recurse'
            Remarks = 'Uploads the files of ./knowledge and its subfolders that the chatbot does not have, and replaces those that changed. Sources of deleted files stay (they are listed as Skipped).'
        }
        @{
            Code    = 'Sync-GptTrainerDataSource -ChatbotUuid $bot.ChatbotUuid -Path ./knowledge -Recurse -Prune -WhatIf'
            Remarks = 'Shows the plan, including the sources that -Prune would remove, without changing anything.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot ''Support'' | Sync-GptTrainerDataSource -Path ./docs -Recurse -Include *.md, *.pdf -Exclude drafts/* -Prune -Wait'
            Remarks = 'Syncs the Markdown and PDF files of ./docs, without the drafts folder, removes the sources of deleted files, and waits until the new versions are processed before removing the previous ones.'
        }
        @{
            Code    = @'
# .github/workflows/knowledge.yml: publish the knowledge folder on every push to main
on:
  push:
    branches: [main]
    paths: ['knowledge/**']
jobs:
  sync:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Sync the chatbot's knowledge
        shell: pwsh
        env:
          GPTTRAINER_API_KEY: ${{ secrets.GPTTRAINER_API_KEY }}
        run: |
          Install-PSResource GptTrainer -TrustRepository
          Sync-GptTrainerDataSource -ChatbotUuid '${{ vars.CHATBOT_UUID }}' -Path ./knowledge -Recurse -Prune -Wait -ErrorVariable failed | Format-Table -AutoSize
          if ($failed) { exit 1 }
'@
            Remarks = 'A GitHub Actions job that publishes a repository''s knowledge folder with GptTrainer installed from the gallery. The key comes from a secret through GPTTRAINER_API_KEY, so no Connect-GptTrainer is needed. The job fails when any file failed (the pwsh shell also stops at the first error, since it sets $ErrorActionPreference to Stop); the table shows what changed in the log.'
        }
        @{
            Code    = @'
# azure-pipelines.yml step
- pwsh: |
    Install-PSResource GptTrainer -TrustRepository
    $result = Sync-GptTrainerDataSource -ChatbotUuid $env:CHATBOT_UUID -Path knowledge -Recurse -Prune -ErrorVariable failed
    $result | Where-Object Action -ne Unchanged | Format-Table -AutoSize
    if ($failed) { Write-Host "##vso[task.logissue type=error]$($failed.Count) knowledge files failed to sync"; exit 1 }
  displayName: Sync the chatbot's knowledge
  env:
    GPTTRAINER_API_KEY: $(GptTrainerApiKey)
'@
            Remarks = 'The same in Azure Pipelines, logging only what changed and failing the job, with an error annotation, when anything failed.'
        }
        @{
            Code    = 'Sync-GptTrainerDataSource -Path ./policies -Collection hr-policies -Prune -MaximumDelete 100'
            Remarks = 'Syncs ./policies into the current chatbot under the collection name hr-policies (kept when the folder is renamed), allowing up to 100 removals, for instance after a large reorganisation.'
        }
    )
    Links       = @('Wait-GptTrainerDataSource', 'New-GptTrainerDataSource', 'Get-GptTrainerDataSource', 'Remove-GptTrainerDataSource')
}
