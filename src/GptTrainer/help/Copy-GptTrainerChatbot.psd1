@{
    Synopsis    = 'Copies a chatbot into a new one: its settings, agents, tool functions, source tags, Q&A pairs and web pages, and its uploaded files from -SourcePath.'
    Description = @'
Copy-GptTrainerChatbot reads a chatbot as Export-GptTrainerChatbot does and imports it into a new chatbot as Import-GptTrainerChatbot -Name does, without files on disk: to try a change on a clone, or to promote staging to production within one account. Secrets (tool functions' header values) are copied as they are, in memory only.

The new chatbot gets the source's settings, agents (its default agent becomes the source's first user-facing agent), tool functions, source tags, Q&A pairs and web pages. Uploaded files are uploaded again from -SourcePath, since the API cannot download them; without it they are reported as NotCopied, as are sources of other kinds. What no export holds (supervisor rules, labels, lead form, webhooks, sessions) is not copied either; see Export-GptTrainerChatbot.

Each step is written as a ChatbotImportResult, the first being the new chatbot's creation (its Uuid is the new chatbot's). After a failure the copy makes no further change and reports the rest as NotDone; the half-made chatbot stays, for Import-GptTrainerChatbot to complete from an export, or for Remove-GptTrainerChatbot.
'@
    Parameters  = @{
        ChatbotUuid   = 'The chatbot to copy; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Name          = 'The name of the new chatbot.'
        SourcePath    = 'A folder holding the uploaded files under the names an export lists them by (paths relative to this folder, as Sync-GptTrainerDataSource synced them). Without it, uploaded files are reported as NotCopied.'
        ThrottleLimit = 'How many Q&A pairs, web pages or files are created at once (default 4, at most 16).'
        WhatIf        = 'Reads the source chatbot and writes the plan (Outcome Planned), without creating anything.'
        Confirm       = 'Asks before creating the chatbot and before each step.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.ChatbotImportResult' = 'One object per step: the creation of the chatbot, then each item created or changed.' }
    Examples    = @(
        @{
            Code    = '$copy = Get-GptTrainerChatbot ''Support'' | Copy-GptTrainerChatbot -Name ''Support (prompt trial)'' -SourcePath ./knowledge'
            Remarks = 'Clones the Support chatbot, files included, to try a prompt change on the clone. $copy[0].Uuid is the new chatbot''s uuid.'
        }
        @{
            Code    = 'Copy-GptTrainerChatbot $staging.ChatbotUuid -Name ''Support'' -WhatIf'
            Remarks = 'Shows what a copy of the staging chatbot would create, reading only the staging chatbot.'
        }
    )
    Links       = @('Export-GptTrainerChatbot', 'Import-GptTrainerChatbot', 'Compare-GptTrainerChatbot')
}
