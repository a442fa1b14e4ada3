@{
    Synopsis    = 'Sets the API key and base URI that the GptTrainer cmdlets of this runspace use.'
    Description = @'
Connect-GptTrainer stores the API key (as a SecureString) and the base URI of the GPT-trainer service in the module's state for the current runspace. It first checks the key with one cheap request (GET /api/v1/chatbots): a wrong key fails here, as an AuthenticationError (Http401), and an unreachable base URI as ConnectionFailed, and the previous connection stays in place. -SkipCheck connects without that request.

Without -ApiKey the key is read from the GPTTRAINER_API_KEY environment variable; when that is not set either, an interactive PowerShell asks for the key (typed as a secure string, not shown), while a non-interactive one (a runbook, pwsh -NonInteractive, redirected input) fails with NoApiKey. Without -BaseUri the base URI is read from GPTTRAINER_BASE_URL, or defaults to https://app.gpt-trainer.com. The client appends /api/v1 itself; a base URI that already ends in /api/v1 works too.

Each runspace has its own connection and current session, so runspaces started by ForEach-Object -Parallel or a runspace pool never see each other's, also when ForEach-Object -Parallel reuses a runspace. A runspace that never ran Connect-GptTrainer uses the environment variables.

The retry and timeout parameters set the defaults for every later command in the runspace; each command can override them.
'@
    Parameters  = @{
        ApiKey                         = 'The GPT-trainer API key, as a SecureString or a plain string (it is converted to a SecureString at once). Generate one in the GPT-trainer web app under Account, API Keys. The key is sent only in the Authorization header, only to the base URI''s host, and is never written to any output stream.'
        BaseUri                        = 'The address of the service, such as https://app.gpt-trainer.com (the default) or the address of a white-label host or a local emulator. Must be an absolute https URI; plain http is accepted for this machine only, unless -AllowUnencryptedAuthentication is given.'
        AllowUnencryptedAuthentication = 'Allows a plain-http base URI to a host other than this machine. The API key then travels unencrypted; use it only on a network you trust.'
        SkipCheck                      = 'Connects without checking the key. By default Connect-GptTrainer sends one request (GET /api/v1/chatbots) with the new key and fails at once, leaving the previous connection in place, when the key is wrong or the base URI unreachable; -SkipCheck saves that request for runbooks that must not spend one.'
        PassThru                       = 'Writes the resulting context (as Get-GptTrainerContext shows it) to the pipeline.'
        MaximumRetryCount              = 'The default number of retries after a refused or failed attempt for every later command in this runspace (default 4).'
        MaximumRetryDelaySec           = 'The default longest wait between attempts, in seconds, for every later command in this runspace (default 60).'
        ConnectTimeoutSec              = 'The default connect timeout, in seconds, for every later command in this runspace (default 10).'
        IdleTimeoutSec                 = 'The default idle timeout, in seconds, for every later command in this runspace (default 120).'
        ResponseTimeoutSec             = 'The default time, in seconds, a whole JSON answer may take to arrive once it has started, for every later command in this runspace (default 300).'
        MaximumResponseSizeMB          = 'The default most of an answer, in MiB, kept in memory (a JSON answer, or a reply joined with -Raw), for every later command in this runspace (default 64).'
        FirstRetryDelayMs              = 'The first back-off wait before a retry, in milliseconds; each further wait doubles it (default 1000, with jitter). Lower it only in tests against the GptTrainer emulator, where waiting seconds for a retry only slows the suite down; a Retry-After the service sends is honoured whatever this is.'
    }
    Outputs     = @{
        'None'                       = 'By default this cmdlet writes nothing.'
        'GptTrainer.Models.Context' = 'With -PassThru, the context now in effect, with the key masked.'
    }
    Examples    = @(
        @{
            Code    = '$key = Read-Host -AsSecureString -Prompt ''GPT-trainer API key''
Connect-GptTrainer -ApiKey $key'
            Remarks = 'Asks for the key without echoing it and connects to the public service.'
        }
        @{
            Code    = '$env:GPTTRAINER_API_KEY = (Get-Secret GptTrainer -AsPlainText)
Get-GptTrainerChatbot'
            Remarks = 'In a runbook or CI job no Connect-GptTrainer is needed: commands read the key from the GPTTRAINER_API_KEY environment variable.'
        }
        @{
            Code    = 'Connect-GptTrainer -ApiKey $key -BaseUri https://chat.example.org -MaximumRetryCount 8 -IdleTimeoutSec 300 -PassThru'
            Remarks = 'Connects to a white-label host, retries refusals up to eight times, allows five minutes of silence, and shows the resulting context.'
        }
    )
    Links       = @('Disconnect-GptTrainer', 'Get-GptTrainerContext')
}
