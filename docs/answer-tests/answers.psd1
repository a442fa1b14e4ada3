# The questions the chatbot must keep answering well. The same file runs as a Pester suite
# (Answers.Tests.ps1) and with Invoke-GptTrainerEvaluation ./answers.psd1 -ChatbotUuid <uuid>.
# A case has a Name, a Question and any of Contains, NotContains, Match, CitesSource,
# MaxFirstPieceMs, MaxDurationMs and FinishReason; see Get-Help Invoke-GptTrainerEvaluation.
@{
    Cases = @(
        @{
            Name        = 'Refund window'
            Question    = 'How long do refunds take?'
            Contains    = '30 days'
            CitesSource = 'Returns policy'
        }
        @{
            Name        = 'Shipping to Europe'
            Question    = 'When do parcels shipped to Europe arrive?'
            Contains    = 'three days', 'nine euros'
            CitesSource = 'Shipping rates'
        }
        @{
            Name        = 'Gift wrapping'
            Question    = 'Do you gift wrap?'
            Match       = '\btwo euros\b'
            CitesSource = 'Gift wrapping'
        }
        @{
            Name        = 'No invented answers'
            Question    = 'Do you sell bicycles?'
            Contains    = 'don''t have information'
            NotContains = 'we sell', 'bicycles are'
        }
    )
}
