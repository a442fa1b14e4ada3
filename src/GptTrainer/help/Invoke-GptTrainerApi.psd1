@{
    Synopsis    = 'Calls any GPT-trainer endpoint, including ones the module has no cmdlet for, with the module''s connection, retries and error handling.'
    Description = @'
Invoke-GptTrainerApi sends one request to the service you connected to with Connect-GptTrainer (or through the GPTTRAINER_API_KEY and GPTTRAINER_BASE_URL environment variables) and writes the answer to the pipeline. It is the escape hatch for endpoints the module does not wrap, such as the tool-function endpoints or anything the service adds later, without giving up what every other cmdlet does: the API key goes only into the Authorization header and only to the connected service, refusals (429, 503) and, for reads, gateway errors and dropped connections are retried with back-off and Retry-After, the connect and idle timeouts apply, Ctrl+C stops at once, and failures become error records with the same stable error ids (Http404, Http429, ConnectionFailed, IdleTimeout, UnexpectedAnswer and so on).

-Path is relative to the API root (<base URI>/api/v1/), for example 'chatbots' or 'chatbot/<uuid>/agents'. A path that starts with '/' is taken from the service root instead, for endpoints outside /api/v1 such as '/api/data-sources/restart'. A full URL is accepted only when it is an http or https URL of the connected service, without a user name. A query string may follow the path. Those three forms are all that is taken: anything else is refused with the error id InvalidApiPath before any request is sent, such as an empty path, a path containing '..' (escaped too), a URL to another host ('//host/x' included), a backslash, or a path that starts with a scheme ('unix:/api/v1/chatbots', 'https:host/x', 'mailto:', 'file:', 'C:/x', 'x:y'; a colon after the first '/' or '?' is fine).

A JSON answer is written as PowerShell objects (PSCustomObject; the items of a JSON array one by one, as Invoke-RestMethod does); any other answer is written as its text. -Raw writes the answer's text unparsed. -Stream reads the answer piece by piece and writes each piece the moment it arrives, exactly as Send-GptTrainerMessage does; with -Stream -Raw the pieces are joined into one string.

-Body is sent as JSON: a hashtable or an object is written as JSON, and a string is sent as it is, after checking that it is JSON. A GET carries no body. Requests other than GET support -WhatIf and -Confirm.
'@
    Parameters  = @{
        Path   = 'The endpoint: relative to the API root (<base URI>/api/v1/), such as ''chatbots''; or, starting with ''/'', from the service root, such as ''/api/data-sources/restart''. A query string may follow. Takes pipeline input by value.'
        Method = 'The HTTP method: GET (the default), POST, PUT, PATCH or DELETE. Which method an endpoint wants is in the GPT-trainer API reference; several deletes are POSTs.'
        Body   = 'The request body, sent as JSON (Content-Type application/json): a hashtable or object is written as JSON; a string is sent as it is and must already be JSON. Not allowed with GET.'
        Stream = 'Reads the answer as a stream and writes each piece to the pipeline as it arrives, for endpoints that stream text such as session/<uuid>/message/stream. If the connection breaks midway, the pieces already written stay and the error says how much arrived.'
        Raw    = 'Writes the answer''s text as one string instead of the objects parsed from it. With -Stream, joins the pieces into one string written at the end.'
    }
    Inputs      = @{
        'System.String' = 'Paths, by value; each is requested in turn with the same method and body.'
    }
    Outputs     = @{
        'System.Management.Automation.PSObject' = 'A JSON answer as PowerShell objects.'
        'System.String'                         = 'An answer that is not JSON, an answer read with -Raw, or the pieces of a streamed answer.'
    }
    Notes       = @'
Retries follow the module's rules: 429 and 503 are retried for every method; 502, 504 and dropped connections only for GET (and 502/504 for DELETE); a streamed answer is never asked again once any of it has arrived. Use -MaximumRetryCount 0 to send exactly one request.

The paths and fields of every endpoint the module knows are described in docs/gpt-trainer-api.md in the GptTrainer repository.
'@
    Examples    = @(
        @{
            Code    = 'Invoke-GptTrainerApi chatbots | Select-Object uuid, name'
            Remarks = 'Lists the chatbots as the service returns them: JSON objects with the API''s own field names.'
        }
        @{
            Code    = 'Invoke-GptTrainerApi -Method POST -Path "chatbot/$($bot.ChatbotUuid)/source-tag/create" -Body @{ name = ''Billing''; color = ''#FF5733'' }'
            Remarks = 'Sends a POST with a JSON body built from a hashtable and writes the created tag.'
        }
        @{
            Code    = 'Invoke-GptTrainerApi -Method POST -Path "session/$((Get-GptTrainerContext).SessionUuid)/message/stream" -Body @{ query = ''What plans do you offer?'' } -Stream |
    ForEach-Object { Write-Host -NoNewline $_ }'
            Remarks = 'Asks a question through the raw stream endpoint and shows the reply as it is written.'
        }
        @{
            Code    = 'Invoke-GptTrainerApi -Method POST -Path /api/data-sources/restart -Body @{ uuids = @($source.DataSourceUuid) }'
            Remarks = 'Calls an endpoint outside /api/v1: a path starting with ''/'' is taken from the service root.'
        }
        @{
            Code    = 'Invoke-GptTrainerApi -Method POST -Path "agent/$agentUuid/function/create" -Body @{ name = ''lookup_order''; description = ''Looks up an order''; method = ''GET''; external_url = ''https://example.org/orders'' } -WhatIf'
            Remarks = 'Shows what a call to the (unwrapped) tool-function endpoint would send, without sending it.'
        }
    )
    Links       = @('Connect-GptTrainer', 'Send-GptTrainerMessage')
}
