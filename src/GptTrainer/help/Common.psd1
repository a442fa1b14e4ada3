@{
    # Parameters that every API cmdlet shares; a cmdlet's own file may describe them more precisely.
    Parameters = @{
        MaximumRetryCount    = 'How many times to retry after the first attempt when the service refuses a request (429 Too Many Requests, 503 Service Unavailable) or, for reads, when a gateway fails (502, 504) or the connection drops. Waits grow exponentially with jitter and honour Retry-After. 0 turns retrying off. Overrides the value set with Connect-GptTrainer (default 4) for this call only.'
        MaximumRetryDelaySec = 'The longest single wait between two attempts, in seconds. When the service asks (with Retry-After) for a longer wait than this, the command reports the refusal instead of waiting. Overrides the Connect-GptTrainer value (default 60) for this call only.'
        ConnectTimeoutSec    = 'How long, in seconds, opening a connection to the service may take. Overrides the Connect-GptTrainer value (default 10) for this call only. In Windows PowerShell 5.1 the connection time counts against -IdleTimeoutSec instead.'
        IdleTimeoutSec       = 'How long, in seconds, the service may stay silent: before it sends the response headers, or between two pieces of a reply. A long reply that keeps arriving never times out. Overrides the Connect-GptTrainer value (default 120) for this call only.'
    }
}
