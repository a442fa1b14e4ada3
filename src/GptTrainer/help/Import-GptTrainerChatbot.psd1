@{
    Synopsis    = 'Makes a chatbot look like an export folder: creates what is missing, changes what differs and, with -Mode Mirror, removes what the files do not have.'
    Description = @'
Import-GptTrainerChatbot reads a folder written by Export-GptTrainerChatbot, checks all of it, reads the target chatbot, and then makes the target look like the files: it creates the agents, tool functions, source tags, Q&A pairs and web pages the target lacks, changes the settings and properties that differ, and with -Mode Mirror removes the agents, tool functions, tags, Q&A pairs and web pages the files do not have. -Mode Merge, the default, removes nothing. Items are matched by name (see Export-GptTrainerChatbot), so the same folder imports into any chatbot: a restore into the chatbot it came from, or a promotion from staging into production.

THE TARGET. By default the chatbot the files were exported from (origin.json names it); -ChatbotUuid names another; -Name creates a new chatbot with the files' settings and imports into it. The agent the service gives every new chatbot ("General Q&A") becomes the files' first user-facing agent rather than staying beside it, and a new chatbot ends with nothing but what the files hold. A chatbot's name is never changed.

WHAT IS CHECKED FIRST. Nothing is sent before the folder is checked as a whole (every file there and valid JSON, every property known and of its type, values in the ranges the service takes, every source an agent or tag names listed in data-sources.json; all problems are reported at once, with their file and place), and every secret placeholder has its environment variable set. Nothing is written before the target is read and the plan made: when the target is the chatbot the files came from and what an export of it would hold has changed since (someone changed it in the web app), the import refuses, naming what changed, unless -Force.

UPLOADED FILES. The API cannot download a file, so uploaded files are uploaded again only from a folder given with -SourcePath, where each is looked for under the name the export lists it by (its path in the folder Sync-GptTrainerDataSource synced, or its file name). The upload is Sync-GptTrainerDataSource's own run, with its rules (type and size checks, the identity in the stored name), under the collection named after that folder. Without -SourcePath they are reported as NotCopied; so are sources of kinds the API cannot create. A changed file's new version is uploaded beside the old one, which the sync removes once the new one is processed if it made the old one itself. Uploaded files are never removed.

HOW CHANGES ARE MADE. New Q&A pairs and web pages are created a few at once (-ThrottleLimit); the API cannot change an answer, so a Q&A pair whose answer differs is replaced by a new pair and the old one removed at the end of the run (in either mode). A new agent is created (disabled, as the service creates agents) and then given what a create cannot carry (enabled, data sources, variables, escalation settings). A header change of a tool function sends the function's whole set of headers.

ONE OBJECT PER STEP. Each step is written as a ChatbotImportResult: Action (Create, Change, Remove), ItemType, Item, for a change the Property with OldValue and NewValue (secrets masked), Outcome and Reason. With -WhatIf the same objects are the plan (Outcome Planned) and nothing is sent but the reads. Importing the same folder twice in a row sends no write the second time, and writes no object.

AFTER A FAILURE. A failed step is a non-terminating error naming the item, and its object says Failed; the run then makes no further change, and reports every step it did not take as NotDone. Nothing is removed in a run that had a failure. Running it again after the cause is fixed does the rest. A one-line summary goes to the information stream.
'@
    Parameters  = @{
        Path          = 'The export folder, as Export-GptTrainerChatbot wrote it. Taken literally.'
        ChatbotUuid   = 'The chatbot to import into. Defaults to the chatbot the files were exported from, never to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name          = 'Creates a chatbot of this name, with the files'' settings, and imports into it. Its default agent becomes the files'' first user-facing agent.'
        Mode          = 'Merge (the default) creates and changes only. Mirror also removes the agents, tool functions, source tags, Q&A pairs and web pages the files do not have; uploaded files and sources of other kinds are never removed.'
        SourcePath    = 'A folder holding the uploaded files of the export under the names data-sources.json lists them by (paths relative to this folder). Without it, uploaded files are reported as NotCopied.'
        Force         = 'Imports into the chatbot the files came from even though it changed since the export, overwriting those changes. Without it such an import is refused (ChangedSinceExport) before any change.'
        ThrottleLimit = 'How many Q&A pairs, web pages or files are created at once (default 4, at most 16).'
        WhatIf        = 'Writes the plan as the objects a run would write (Outcome Planned), each change with its property and both values, and sends no request but reads. With -Name nothing at all is sent.'
        Confirm       = 'Asks before each step; what is not confirmed is reported as Skipped.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.ChatbotImportResult' = 'One object per step, or per changed property: Outcome (Planned, Done, Failed, NotDone, NotCopied, Skipped), Action, ItemType, Item, Property, OldValue, NewValue, Reason, ChatbotUuid and Uuid.' }
    Notes       = @'
Error ids: InvalidExportFolder (the folder has problems; all are listed), SecretNotSet (an environment variable a placeholder names is not set), ChangedSinceExport (the target changed since the export; -Force overrides), NoChatbotUuid, FolderNotFound, NotAFolder. A failed request keeps its own id (ApiError and the like).

A setting the files give as null is one the service did not report when they were exported: the import leaves it as it is.
'@
    Examples    = @(
        @{
            Code    = 'Import-GptTrainerChatbot -Path ./chatbots/support -WhatIf'
            Remarks = 'Shows what importing the folder into the chatbot it came from would create, change and remove, with both values of each change, without changing anything.'
        }
        @{
            Code    = @'
# Promote staging to production in CI (GitHub Actions step; shell: pwsh)
$env:GPTTRAINER_SECRET_SUPPORT_LOOKUP_ORDER_AUTHORIZATION = $env:CRM_TOKEN   # from the job's secrets
Import-GptTrainerChatbot -Path ./chatbots/staging -ChatbotUuid $env:PRODUCTION_CHATBOT -Mode Mirror -SourcePath ./knowledge -ErrorVariable failed |
    Where-Object Outcome -ne Done | Format-Table -AutoSize
if ($failed) { exit 1 }
'@
            Remarks = 'Makes the production chatbot look like the staging export kept in the repository, uploads the files from ./knowledge, and fails the job when any step failed. Run it again: it sends no write when production already matches.'
        }
        @{
            Code    = 'Import-GptTrainerChatbot -Path ./backup/support -Name ''Support (restored)'' -SourcePath ./knowledge'
            Remarks = 'Restores a backup into a new chatbot, leaving the original alone.'
        }
        @{
            Code    = 'Import-GptTrainerChatbot -Path ./chatbots/support -Force'
            Remarks = 'Imports into the chatbot the files came from although it was changed in the web app since the export, overwriting those changes. Without -Force the import refuses and names what changed.'
        }
    )
    Links       = @('Export-GptTrainerChatbot', 'Compare-GptTrainerChatbot', 'Copy-GptTrainerChatbot', 'Sync-GptTrainerDataSource')
}
