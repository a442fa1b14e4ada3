@{
    # Parameters that every API cmdlet shares; a cmdlet's own file may describe them more precisely.
    Parameters = @{
        MaximumRetryCount    = 'How many times to retry after the first attempt when the service refuses a request (429 Too Many Requests, 503 Service Unavailable) or, for reads, when a gateway fails (502, 504) or the connection drops. Waits grow exponentially with jitter and honour Retry-After. 0 turns retrying off. Overrides the value set with Connect-GptTrainer (default 4) for this call only.'
        MaximumRetryDelaySec = 'The longest single wait between two attempts, in seconds. When the service asks (with Retry-After) for a longer wait than this, the command reports the refusal instead of waiting. Overrides the Connect-GptTrainer value (default 60) for this call only.'
        ConnectTimeoutSec    = 'How long, in seconds, opening a connection to the service may take. Overrides the Connect-GptTrainer value (default 10) for this call only. In Windows PowerShell 5.1 the connection time counts against -IdleTimeoutSec instead.'
        ResponseTimeoutSec   = 'How long, in seconds, a whole JSON answer may take to arrive once it has started, so that an answer trickling in byte by byte cannot hold a command forever. Streamed replies have no such limit. The error (ResponseTimeout) names this parameter. Overrides the Connect-GptTrainer value (default 300) for this call only.'
        MaximumResponseSizeMB = 'The most of an answer, in MiB, the module keeps in memory: a JSON answer, or a streamed reply joined into one string with -Raw. A larger answer is reported as ResponseTooLarge (LimitsExceeded) instead of exhausting memory; with -Raw the part that arrived is written first. Replies written piece by piece are not limited, since they use no memory. Overrides the Connect-GptTrainer value (default 64) for this call only.'
        IdleTimeoutSec       = 'How long, in seconds, the service may stay silent: before it sends the response headers, or between two pieces of a reply. A long reply that keeps arriving never times out. Overrides the Connect-GptTrainer value (default 120) for this call only.'
    }
}
