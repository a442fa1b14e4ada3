@{
    Synopsis    = 'Lists the models agents can use and what a message costs with each.'
    Description = @'
Get-GptTrainerModel reads the model catalogue (GET /api/v1/agent/models) and the credit costs (GET /api/v1/agent/model-costs) and joins them: one object per model with the message credits one answered message costs. A model that has a cost but is not in the catalogue is listed with Selectable set to false.

The GPT-trainer API documentation does not describe these two endpoints; the official Python SDK uses them against the live service. Their answers may change without notice.
'@
    Parameters  = @{
        Name = 'Only models whose id matches one of these patterns (wildcards allowed).'
    }
    Outputs     = @{ 'GptTrainer.Models.ModelInfo' = 'One object per model.' }
    Examples    = @(
        @{
            Code    = 'Get-GptTrainerModel | Sort-Object CreditsPerMessage'
            Remarks = 'Lists the models from cheapest to dearest.'
        }
        @{
            Code    = 'Get-GptTrainerModel -Name ''gpt-4o*'''
            Remarks = 'Lists the GPT-4o models and their costs.'
        }
    )
    Links       = @('New-GptTrainerAgent', 'Set-GptTrainerAgent')
}
