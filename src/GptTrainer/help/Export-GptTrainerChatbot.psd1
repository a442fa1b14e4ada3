@{
    Synopsis    = 'Writes a chatbot to a folder of files a person can read and review in git: settings, agents, tool functions, source tags and data sources.'
    Description = @'
Export-GptTrainerChatbot reads a chatbot (four requests: the chatbot, its agents, its source tags and its data sources) and writes it into a folder as code, for backups, for promoting a tested chatbot to production with Import-GptTrainerChatbot, and for reviewing changes as diffs:

- chatbot.json: the settings (visibility, rate limit and its message, citations);

- agents.json: every agent with its type, name, description, prompt, model, temperature and the other settings, enabled, use_all_sources, the data sources it uses, variables, tool functions, escalation settings and conversation tags;

- source-tags.json: every source tag with its colour and member sources;

- data-sources.json: Q&A pairs and web pages in full; uploaded files by name, title, size and content hash; other sources (Google Drive, tables, images, videos) by title;

- origin.json: which chatbot this came from and its state then, which Import-GptTrainerChatbot checks;

- README.md: what the folder is and what it does not hold.

KEYED BY NAME. Everything is named, never referred to by uuid, and what the service sets (uuids, times, statuses, token counts) is left out. Agents and tags name a data source as "qa: <question>", "link: <url>" or "file: <path>". Names need not be unique: a second item of the same name (two Q&A pairs with one question, two agents called Helper) is numbered in order of creation, "qa#2: <question>" in references and by its place after the first in the lists.

STABLE. Keys are sorted, and so is every list (except those whose order the service keeps as given: variables, conversation tags, monitored messages), with two spaces of indent, LF line ends and no time of the export itself, so exporting an unchanged chatbot twice gives the same bytes and writes no file; a real change is a small diff. A prompt, description, default message or answer of several lines is written as a list of its lines, so that an edit shows as the lines it changed.

SECRETS. The values of tool functions' headers (where a key or token for the called service goes) are written as placeholders naming an environment variable, such as ${env:GPTTRAINER_SECRET_SUPPORT_LOOKUP_ORDER_AUTHORIZATION}; the result's SecretVariables lists them. With -IncludeSecret the values are written as they are, with a warning. Nothing else is treated as a secret: a key written into a function's URL is exported as it is.

NOT IN AN EXPORT. The API cannot read or write these, so no export holds them and no import restores them: the content of uploaded files (the API cannot download a file; Import-GptTrainerChatbot -SourcePath uploads them again from a folder), sources of other kinds, the reference links shown with citations, the web app's supervisor rules, conversation labels, lead form and webhooks, and sessions and messages. The README.md in the folder says so too, so that nobody takes a backup for more than it is.

Only the six files are written; anything else in the folder (a .git folder, notes) is left alone, and a file whose bytes are already right is not touched.
'@
    Parameters  = @{
        ChatbotUuid   = 'The chatbot to export; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects, so chatbots from Get-GptTrainerChatbot can be piped in.'
        Path          = 'The folder to write into, made if missing. Taken literally (no wildcards). Must not be a file.'
        IncludeSecret = 'Writes the values of tool functions'' headers as they are instead of as ${env:...} placeholders. Keep such a folder out of git.'
        WhatIf        = 'Reads the chatbot and says which files would change, without writing any.'
        Confirm       = 'Asks before writing the files.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.ChatbotExportResult' = 'One object per chatbot: Path, ChatbotUuid, ChatbotName, ModifiedAt, the counts of agents, tool functions, source tags, data sources, uploaded files and sources an import cannot create, SecretVariables (the variables an import needs), Files and Changed (the files whose bytes changed; empty when nothing did).' }
    Notes       = @'
origin.json records the chatbot's uuid and name, its modified_at, the latest modified_at of anything in it, how many agents, tool functions, tags and sources it had, and a digest of each file's content (without the secrets). It changes whenever the chatbot does, which makes it the one file whose diff is noise; review the others.

Whether the service moves a chatbot's own modified_at when its agents, tags or sources change is not documented, so the export does not rely on it.
'@
    Examples    = @(
        @{
            Code    = 'Export-GptTrainerChatbot -ChatbotUuid $bot.ChatbotUuid -Path ./chatbots/support'
            Remarks = 'Writes the chatbot into ./chatbots/support. Run it again after a change: only the files that changed are written, and git diff shows the change.'
        }
        @{
            Code    = @'
# Nightly backup of every chatbot to git (a scheduled runbook or CI job)
Set-Location ./chatbot-backup
Get-GptTrainerChatbot | ForEach-Object {
    $_ | Export-GptTrainerChatbot -Path (Join-Path 'chatbots' $_.ChatbotUuid) -ErrorAction Stop
}
git add --all chatbots
git diff --cached --quiet; if ($LASTEXITCODE) { git commit -m "Chatbot backup $(Get-Date -Format yyyy-MM-dd)"; git push }
'@
            Remarks = 'Backs up every chatbot of the account into a git repository, one folder per chatbot, and commits only when something changed: an unchanged chatbot writes no file, so an idle night makes no commit. Secrets stay out of the repository as placeholders.'
        }
        @{
            Code    = 'Get-GptTrainerChatbot ''Support'' | Export-GptTrainerChatbot -Path ./support -WhatIf'
            Remarks = 'Says which files an export of the chatbot named Support would change, without writing any.'
        }
    )
    Links       = @('Import-GptTrainerChatbot', 'Compare-GptTrainerChatbot', 'Copy-GptTrainerChatbot', 'about_GptTrainer')
}
