@{
    Synopsis    = 'Gets one chat session, or the sessions of a chatbot.'
    Description = @'
With -SessionUuid, Get-GptTrainerSession fetches that session (GET /api/v1/session/{uuid}), including the lead-form answers and identity data the service keeps in its Meta property. Otherwise it lists the sessions of a chatbot (GET /api/v1/chatbot/{uuid}/sessions): the one given by -ChatbotUuid, a piped chatbot, or the current chatbot.

-CreatedAfter and -CreatedBefore narrow the list to a creation window; both bounds are inclusive and are sent in the API's UTC millisecond format whatever kind of DateTime is given.

A piped session carries both its own uuid and its chatbot's; it is fetched by its own uuid.

FINDING ONE PERSON'S CONVERSATIONS. -User keeps only the sessions whose lead-form answers (meta.user: what the visitor typed into the chatbot's lead form, such as an e-mail address) or verified identity (meta.auth_data: what the customer's identity verification returned, such as a user id) hold one of the values given. A value must equal the whole of a field, ignoring case and surrounding spaces: ann@example.org finds Ann@Example.org, never joann@example.org; field names and nested values of the identity count as they hold text or numbers. Nothing else is searched: not the questions asked, not the session's initial variables, since a person named there is not reliably that person. The session list of the reference carries no lead form or identity, so with -User every listed session is read on its own (four at a time); a session that cannot be read is an error naming it, since whether it is about the person cannot then be known.

That makes an access request Get-GptTrainerSession -User ann@example.org | Export-GptTrainerConversation -Path ann.jsonl, an erasure request the same piped to Remove-GptTrainerSession (with -WhatIf first), and a retention sweep Get-GptTrainerSession -CreatedBefore (Get-Date).AddDays(-90) | Remove-GptTrainerSession. The examples below are those three as runbooks, each keeping the evidence a privacy officer keeps: what was searched for and found, what was exported and removed, and when, one JSON line per step in a log file.

-CreatedAfter later than -CreatedBefore is refused before any request (InvalidTimeWindow).
'@
    Parameters  = @{
        SessionUuid   = 'The uuids of sessions to fetch. Binds from the SessionUuid property of piped objects; plain strings piped in (such as a file''s lines) are taken as session uuids too.'
        InputObject   = 'What is piped in: strings are session uuids; other objects bind -SessionUuid and -ChatbotUuid by property name. Hidden from the syntax, since it is only ever given by the pipeline.'
        ChatbotUuid   = 'The chatbot whose sessions to list; defaults to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        CreatedAfter  = 'Lists only sessions created at or after this time. Local and unspecified times are converted to UTC.'
        CreatedBefore = 'Lists only sessions created at or before this time.'
        User          = 'Keeps only the sessions whose lead-form answers or verified identity hold one of these values, such as an e-mail address or a user id: the whole value of a field, ignoring case. Searches nothing else.'
    }
    Inputs      = @{ 'System.String' = 'Session uuids, by value; session or chatbot uuids, by the property names SessionUuid and ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.Session' = 'One object per session.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerChatbot -Name ''Support*'' | Get-GptTrainerSession -CreatedAfter (Get-Date).AddDays(-7)'
            Remarks = 'Lists the sessions opened in the last seven days on every chatbot whose name starts with Support.'
        }
        @{
            Code    = 'Get-GptTrainerSession -SessionUuid a4f5e1ef22e946b09158e5d754a044f0 | Select-Object -ExpandProperty Meta'
            Remarks = 'Shows what the service knows about the user of one session.'
        }
        @{
            Code    = @'
# Access request REQ-1042: everything the Support chatbot holds about one person, and the evidence of it.
$request = 'REQ-1042'
$person  = 'ann@example.org'          # the e-mail address or user id the request gives
$folder  = New-Item -ItemType Directory -Force -Path "./privacy/$request"
$log     = Join-Path $folder 'evidence.jsonl'
function Write-Evidence([string] $Step, [hashtable] $Details) {
    $entry = [ordered]@{ At = (Get-Date).ToUniversalTime().ToString('o'); Request = $request; Step = $Step }
    foreach ($key in $Details.Keys) { $entry[$key] = $Details[$key] }
    $entry | ConvertTo-Json -Compress -Depth 5 | Add-Content -Path $log -Encoding utf8
}

$bot = Get-GptTrainerChatbot -Name 'Support' -ErrorAction Stop
$sessions = @($bot | Get-GptTrainerSession -User $person -ErrorAction Stop)
Write-Evidence 'Found' @{ Chatbot = $bot.ChatbotUuid; SearchedFor = $person; Sessions = @($sessions | ForEach-Object SessionUuid) }
if ($sessions) {
    $export = $sessions | Export-GptTrainerConversation -Path (Join-Path $folder 'conversations.jsonl') -ErrorAction Stop
    Write-Evidence 'Exported' @{ File = $export.Path; Sessions = $export.SessionUuids; Messages = $export.Messages; Sha256 = (Get-FileHash $export.Path).Hash }
}
'@
            Remarks = 'An access request as a runbook. It finds the sessions whose lead form or verified identity holds the person''s e-mail address, exports their conversations to one JSON Lines file (use -Path ...csv for a file the person can open in a spreadsheet), and keeps an evidence log beside it: when, what was searched for, which sessions were found, which file was written with how many messages and its SHA-256 hash. With -ErrorAction Stop, a failure stops the runbook before any evidence is written for the step that failed.'
        }
        @{
            Code    = @'
# Erasure request REQ-1043: remove everything the Support chatbot holds about one person, with evidence.
$request = 'REQ-1043'
$person  = 'ann@example.org'
$folder  = New-Item -ItemType Directory -Force -Path "./privacy/$request"
$log     = Join-Path $folder 'evidence.jsonl'
function Write-Evidence([string] $Step, [hashtable] $Details) {
    $entry = [ordered]@{ At = (Get-Date).ToUniversalTime().ToString('o'); Request = $request; Step = $Step }
    foreach ($key in $Details.Keys) { $entry[$key] = $Details[$key] }
    $entry | ConvertTo-Json -Compress -Depth 5 | Add-Content -Path $log -Encoding utf8
}

$bot = Get-GptTrainerChatbot -Name 'Support' -ErrorAction Stop
$sessions = @($bot | Get-GptTrainerSession -User $person -ErrorAction Stop)
Write-Evidence 'Found' @{ Chatbot = $bot.ChatbotUuid; SearchedFor = $person; Sessions = @($sessions | ForEach-Object SessionUuid) }
$sessions | Remove-GptTrainerSession -WhatIf        # what would go; at the prompt, stop here and look
$sessions | Remove-GptTrainerSession -Confirm:$false -ErrorVariable failed
$notRemoved = @($failed | ForEach-Object TargetObject)
Write-Evidence 'Removed' @{ Sessions = @($sessions | ForEach-Object SessionUuid | Where-Object { $_ -notin $notRemoved }); Failed = $notRemoved }
$left = @($bot | Get-GptTrainerSession -User $person -ErrorAction Stop)
Write-Evidence 'Verified' @{ SessionsLeft = @($left | ForEach-Object SessionUuid) }
'@
            Remarks = 'An erasure request as a runbook: the same search, a -WhatIf listing of what would be removed, the removal (each session and its messages; one that fails is an error and is logged as Failed), and a second search that shows nothing is left. The log keeps the request''s reference, the address searched for and the session uuids, which hold nothing of the conversations themselves.'
        }
        @{
            Code    = @'
# Retention: conversations of the Support chatbot are kept 90 days. A nightly runbook with its evidence log.
$folder = New-Item -ItemType Directory -Force -Path './privacy'
$log    = Join-Path $folder 'retention.jsonl'
function Write-Evidence([string] $Step, [hashtable] $Details) {
    $entry = [ordered]@{ At = (Get-Date).ToUniversalTime().ToString('o'); Request = 'retention-90-days'; Step = $Step }
    foreach ($key in $Details.Keys) { $entry[$key] = $Details[$key] }
    $entry | ConvertTo-Json -Compress -Depth 5 | Add-Content -Path $log -Encoding utf8
}

$bot = Get-GptTrainerChatbot -Name 'Support' -ErrorAction Stop
$cutoff = (Get-Date).AddDays(-90)
$old = @($bot | Get-GptTrainerSession -CreatedBefore $cutoff -ErrorAction Stop)
Write-Evidence 'Found' @{ Chatbot = $bot.ChatbotUuid; CreatedBefore = $cutoff.ToUniversalTime().ToString('o'); Sessions = @($old | ForEach-Object SessionUuid) }
$old | Remove-GptTrainerSession -Confirm:$false -ErrorVariable failed
$notRemoved = @($failed | ForEach-Object TargetObject)
Write-Evidence 'Removed' @{ Sessions = @($old | ForEach-Object SessionUuid | Where-Object { $_ -notin $notRemoved }); Failed = $notRemoved }
'@
            Remarks = 'A 90-day retention sweep: every session created more than 90 days ago is removed with its messages, and the log says when the sweep ran, the cut-off, which sessions it found and which it removed. Run it with -WhatIf on Remove-GptTrainerSession first to see what the first sweep would remove. Where the policy keeps an archive, export first: $old | Export-GptTrainerConversation -Path "./archive/$(Get-Date -Format yyyy-MM-dd).jsonl".'
        }
    )
    Links       = @('New-GptTrainerSession', 'Remove-GptTrainerSession', 'Get-GptTrainerMessage', 'Export-GptTrainerConversation')
}
