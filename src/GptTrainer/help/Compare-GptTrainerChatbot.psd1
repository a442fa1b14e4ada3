@{
    Synopsis    = 'Writes one object per way a chatbot differs from an export folder or from another chatbot, and nothing when they agree.'
    Description = @'
Compare-GptTrainerChatbot reads a chatbot and compares it with a reference: an export folder (-Path) or another chatbot (-ReferenceChatbotUuid). It writes one ChatbotDifference per difference and nothing at all when they agree, so a nightly runbook can alert on drift and a Pester test can guard it with Should -BeNullOrEmpty. It only reads.

Each difference says What (Missing: the reference has the item and the chatbot does not; Extra: the chatbot has an item the reference does not; Changed: a property differs), ItemType (Chatbot, Agent, ToolFunction, SourceTag, DataSource), Item (by name, as an export names it: "Support", "Support / lookup_order", "qa: Do you ship abroad?"), and for a change the Property with the Expected (reference) and Actual (chatbot) values.

With -Path the chatbot is by default the one the files came from; the folder is checked as Import-GptTrainerChatbot checks it. A reference value of null (a setting the service did not report at export) is not compared. Secrets are compared but never shown: a tool function's header that differs is reported as headers.<name> with both values masked; a header whose placeholder's environment variable is not set is not compared, with a warning.
'@
    Parameters  = @{
        ChatbotUuid          = 'The chatbot to compare. With -Path it defaults to the chatbot the files came from; with -ReferenceChatbotUuid, to the current chatbot. Binds from the ChatbotUuid property of piped objects.'
        Path                 = 'An export folder to compare with, as Export-GptTrainerChatbot wrote it.'
        ReferenceChatbotUuid = 'Another chatbot to compare with, such as staging against production.'
    }
    Inputs      = @{ 'System.String' = 'A chatbot uuid, by the property name ChatbotUuid.' }
    Outputs     = @{ 'GptTrainer.Models.ChatbotDifference' = 'One object per difference: What, ItemType, Item, Property, Expected, Actual and ChatbotUuid.' }
    Examples    = @(
        @{
            Code    = 'Compare-GptTrainerChatbot -Path ./chatbots/support'
            Remarks = 'Shows where the chatbot the folder came from has drifted from it since, one row per difference.'
        }
        @{
            Code    = @'
# A drift check in Pester: production must match the reviewed export in the repository
Describe 'Production chatbot' {
    It 'matches chatbots/production' {
        Compare-GptTrainerChatbot -Path ./chatbots/production | Should -BeNullOrEmpty
    }
}
'@
            Remarks = 'Fails the test, listing the differences, when someone changed the production chatbot in the web app.'
        }
        @{
            Code    = @'
# Nightly runbook: alert on drift
$drift = Compare-GptTrainerChatbot -Path ./chatbots/support -ErrorAction Stop
if ($drift) {
    $text = $drift | Format-Table What, ItemType, Item, Property -AutoSize | Out-String
    Send-MailMessage -To ops@example.org -Subject "Support chatbot drifted ($($drift.Count) differences)" -Body $text
}
'@
            Remarks = 'Mails the differences when the chatbot no longer matches its export.'
        }
        @{
            Code    = 'Compare-GptTrainerChatbot $production.ChatbotUuid -ReferenceChatbotUuid $staging.ChatbotUuid'
            Remarks = 'Lists how production differs from staging, before promoting staging with Copy- or Import-GptTrainerChatbot.'
        }
    )
    Links       = @('Export-GptTrainerChatbot', 'Import-GptTrainerChatbot')
}
