function Get-SupportAnswer {
    <#
    .SYNOPSIS
    Asks the support chatbot a customer's question and decides what to do with the reply.

    .DESCRIPTION
    Opens a session with the chatbot, sends the question and collects the reply as it streams in. A reply
    that cites the chatbot's sources goes to the customer (Action 'Reply'). A reply that cites nothing,
    or that was cut off midway, goes to a person (Action 'Escalate') with whatever arrived. Any other
    failure (a server error, a timeout, a wrong key) is an error for the caller, and nothing goes to the
    customer. GptTrainer itself retries what is safe to retry, such as a 429 with a Retry-After header.

    .EXAMPLE
    Get-SupportAnswer 'How long do I have to return an item?'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [string] $Question,

        [string] $ChatbotName = 'Acme support',

        # How long the chatbot may stay silent before the question is given up.
        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 60
    )

    process {
        $chatbot = @(Get-GptTrainerChatbot -Name $ChatbotName -ErrorAction Stop)
        if ($chatbot.Count -ne 1) { throw "Expected one chatbot named '$ChatbotName', found $($chatbot.Count)." }
        $session = $chatbot[0] | New-GptTrainerSession -ErrorAction Stop

        $pieces = [System.Collections.Generic.List[string]]::new()
        $message = $null
        try {
            # -PassThru: after the text, the stored message with the sources it cites.
            $session | Send-GptTrainerMessage -Query $Question -PassThru -IdleTimeoutSec $TimeoutSec -ErrorAction Stop |
                ForEach-Object { if ($_ -is [string]) { $pieces.Add($_) } else { $message = $_ } }
        }
        catch {
            if ($_.FullyQualifiedErrorId -notlike 'ReplyCutOff,*') { throw }
            Write-Warning "The reply was cut off after $($pieces.Count) pieces; a person takes over."
        }

        [pscustomobject]@{
            Question = $Question
            Answer   = -join $pieces
            Sources  = @(if ($message) { $message.Citations.Title })
            Action   = if ($message -and $message.Citations) { 'Reply' } else { 'Escalate' }
        }
    }
}
