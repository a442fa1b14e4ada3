@{
    Synopsis    = 'Shows what the next GptTrainer command in this runspace will use.'
    Description = @'
Get-GptTrainerContext shows the base URI, whether an API key is set (with all but its last four characters masked) and where it came from, the current chatbot and session, and the retry and timeout defaults. When the runspace is not connected, it shows what the GPTTRAINER_API_KEY and GPTTRAINER_BASE_URL environment variables provide.
'@
    Outputs     = @{ 'GptTrainer.Models.Context' = 'The context, never including the key itself.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerContext'
            Remarks = 'Lists the base URI, the masked key, the current chatbot and session, and the retry and timeout settings.'
        }
        @{
            Code    = 'if (-not (Get-GptTrainerContext).ApiKeySet) { throw ''Run Connect-GptTrainer first.'' }'
            Remarks = 'Checks in a script that a key is available before doing any work.'
        }
    )
    Links       = @('Connect-GptTrainer', 'Disconnect-GptTrainer')
}
