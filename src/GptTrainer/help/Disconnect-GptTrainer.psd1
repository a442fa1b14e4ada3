@{
    Synopsis    = 'Forgets the connection, current chatbot and current session of this runspace.'
    Description = @'
Disconnect-GptTrainer clears what Connect-GptTrainer and New-GptTrainerSession stored for the current runspace. It sends no request. Later commands fall back to the GPTTRAINER_API_KEY and GPTTRAINER_BASE_URL environment variables if they are set.
'@
    Examples    = @(
        @{
            Code    = 'Disconnect-GptTrainer
Get-GptTrainerContext'
            Remarks = 'Disconnects and shows that no key is set any more (unless the environment variable provides one).'
        }
    )
    Links       = @('Connect-GptTrainer', 'Get-GptTrainerContext')
}
