@{
    Synopsis    = 'Sets the API key and base URI that the GptTrainer cmdlets of this runspace use.'
    Description = @'
Connect-GptTrainer stores the API key (as a SecureString) and the base URI of the GPT-trainer service in the module's state for the current runspace. It first checks the key with one cheap request (GET /api/v1/chatbots): a wrong key fails here, as an AuthenticationError (Http401), and an unreachable base URI as ConnectionFailed, and the previous connection stays in place. -SkipCheck connects without that request.

Without -ApiKey the key is read from the GPTTRAINER_API_KEY environment variable; when that is not set either, an interactive PowerShell asks for the key (typed as a secure string, not shown), while a non-interactive one (a runbook, pwsh -NonInteractive, redirected input) fails with NoApiKey. Without -BaseUri the base URI is read from GPTTRAINER_BASE_URL, or defaults to https://app.gpt-trainer.com. The client appends /api/v1 itself; a base URI that already ends in /api/v1 works too.

Each runspace has its own connection and current session, so runspaces started by ForEach-Object -Parallel or a runspace pool never see each other's, also when ForEach-Object -Parallel reuses a runspace. A runspace that never ran Connect-GptTrainer uses the environment variables.

The retry and timeout parameters set the defaults for every later command in the runspace; each command can override them.

Requests go through the proxy the system's settings name (on PowerShell 7 also the HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY environment variables), as for Invoke-RestMethod. -Proxy sends every request of the connection, streamed replies included, through the proxy given instead; -ProxyCredential or -ProxyUseDefaultCredentials answer that proxy when it asks who is there (407). -NoProxy goes straight to the service. The API key is never sent to a proxy as a credential: it travels only in the Authorization header to the service, inside the encrypted tunnel for an https base URI. A proxy that asks and is not answered fails as ProxyAuthenticationRequired. Get-GptTrainerContext shows the proxy in use, never its credential.

A certificate the machine does not trust (a test host, or a white-label host whose certificate comes from a private certificate authority) fails as CertificateRejected, a SecurityError that is not retried. The lasting fix is to trust that authority on the machine; -SkipCertificateCheck, for test hosts, turns the check off for the connection, with a warning.
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
        Proxy                          = 'The address of a proxy, such as http://proxy.example.org:3128, that every request of this connection goes through (JSON calls, uploads and streamed replies alike), instead of the proxy of the system''s settings. Must be an absolute http or https URI without a user name or password; give those with -ProxyCredential. A request to an https base URI passes the proxy as an encrypted tunnel (CONNECT), so the proxy sees the host name, never the API key. On Windows PowerShell 5.1 the proxy itself must be an http address.'
        ProxyCredential                = 'The user name and password to give the proxy of -Proxy when it asks who is there (407 Proxy Authentication Required), as Basic, NTLM or Negotiate authentication, whichever the proxy offers. Only with -Proxy. It is kept with the connection and appears in no output, nor in Get-GptTrainerContext.'
        ProxyUseDefaultCredentials     = 'Answers the proxy of -Proxy with the sign-in of the user running PowerShell (NTLM or Negotiate, as corporate proxies on Windows ask for), instead of a -ProxyCredential. Only with -Proxy.'
        NoProxy                        = 'Sends requests straight to the service, past any proxy the system''s settings or the HTTP_PROXY, HTTPS_PROXY and ALL_PROXY environment variables name. Cannot be given with -Proxy.'
        SkipCertificateCheck           = 'Accepts any certificate the host presents, as Invoke-RestMethod -SkipCertificateCheck does, for a test or white-label host whose certificate is self-signed or comes from a private certificate authority. Connect-GptTrainer warns when it is given: without the check, whoever can come between this machine and the host could pose as it and read the API key. For a host your organisation runs, trusting its certificate authority on the machine is the better fix.'
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
        @{
            Code    = '$proxyLogin = Get-Credential -Message ''Proxy sign-in''
Connect-GptTrainer -ApiKey $key -Proxy http://proxy.corp.example:3128 -ProxyCredential $proxyLogin'
            Remarks = 'Connects through the corporate proxy, which asks for a sign-in of its own. The API key goes to GPT-trainer only, through the proxy''s tunnel; the proxy gets the proxy credential.'
        }
        @{
            Code    = 'Connect-GptTrainer -ApiKey $key -BaseUri https://gpt.test.example -SkipCertificateCheck'
            Remarks = 'Connects to a test host whose certificate this machine does not trust, with a warning that the certificate is not checked.'
        }
    )
    Links       = @('Disconnect-GptTrainer', 'Get-GptTrainerContext')
}
