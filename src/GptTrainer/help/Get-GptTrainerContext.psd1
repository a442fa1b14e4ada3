@{
    Synopsis    = 'Shows what the next GptTrainer command in this runspace will use.'
    Description = @'
Get-GptTrainerContext shows the base URI, whether an API key is set (with all but its last four characters masked) and where it came from, the current chatbot and session, and the retry and timeout defaults. When the runspace is not connected, it shows what the GPTTRAINER_API_KEY and GPTTRAINER_BASE_URL environment variables provide.

It also shows how requests reach the service. Proxy is the proxy they go through (empty when they go straight to the service), without any user name or password written in its address; ProxySource says where that comes from: Connect-GptTrainer -Proxy, Connect-GptTrainer -NoProxy, or the system's proxy settings (on PowerShell 7 these include the HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY environment variables). ProxyAuthentication says how a -Proxy that asks is answered (ProxyCredential, DefaultCredentials or None), never with what: the proxy credential itself is not shown. SkipCertificateCheck is true when Connect-GptTrainer -SkipCertificateCheck turned the check of the host's certificate off.
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
        @{
            Code    = 'Get-GptTrainerContext | Select-Object Proxy, ProxySource, ProxyAuthentication, SkipCertificateCheck'
            Remarks = 'Shows which proxy requests go through and where that choice comes from, for example http://proxy.corp.example:3128/ from Connect-GptTrainer -Proxy, answered with a ProxyCredential.'
        }
    )
    Links       = @('Connect-GptTrainer', 'Disconnect-GptTrainer')
}
