namespace GptTrainer.Commands;

/// <summary>
/// Calls any endpoint of the service, such as one the module does not wrap, with the connection, retries,
/// timeouts, key protection and error records every other cmdlet has.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "GptTrainerApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeGptTrainerApiCommand : ApiCmdlet
{
    /// <summary>Relative to the API root ("chatbots"), or from the service root when it starts with "/".</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
    public string Method { get; set; } = "GET";

    /// <summary>A hashtable or object sent as JSON, or a string that already is JSON.</summary>
    [Parameter]
    public object? Body { get; set; }

    /// <summary>Writes the answer piece by piece as it arrives, as Send-GptTrainerMessage does.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

    /// <summary>Writes the answer's text instead of the objects parsed from it.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Path;
        var method = new HttpMethod(Method.ToUpperInvariant());
        string? body = CheckedBody(method);
        Uri uri = Api.Raw.Resolve(Path, out string? problem)
            ?? throw new InputException(InputError("InvalidApiPath", problem!, ErrorCategory.InvalidArgument, Path));

        if (method != HttpMethod.Get && !ShouldProcess($"{method.Method} {uri.AbsolutePath}", "Send the request"))
        {
            return;
        }

        if (Stream)
        {
            using ReplyReader reader = Call((api, token) => api.Raw.StreamAsync(method, uri, body, token));
            new ReplyOutput(this, StopToken).Write(reader, Raw);
            return;
        }

        ApiAnswer answer = Call((api, token) => api.Raw.CallAsync(method, uri, body, token));
        if (Raw)
        {
            WriteObject(answer.Text);
        }
        else if (PowerShellValues.FromJson(RawApi.Content(answer)) is object result)
        {
            WriteObject(result, enumerateCollection: true);
        }
    }

    /// <summary>
    /// The body to send, checked before any request: none for GET, and JSON text must parse. Anything else is
    /// written as JSON here, once, and sent as that text.
    /// </summary>
    private string? CheckedBody(HttpMethod method)
    {
        object? body = PowerShellValues.Unwrap(Body);
        if (body is null)
        {
            return null;
        }

        if (method == HttpMethod.Get)
        {
            throw new InputException(InputError("BodyNotAllowed", "A GET request carries no -Body; put parameters into -Path as a query string, or use -Method POST.", ErrorCategory.InvalidArgument, Body));
        }

        if (body is string text)
        {
            try
            {
                JsonReader.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new InputException(InputError("InvalidBody", "-Body is a string but not JSON: " + ex.Message + " Pass a hashtable to have it written as JSON.", ErrorCategory.InvalidArgument, Body));
            }

            return text;
        }

        return CheckWritableAsJson(body, nameof(Body));
    }
}
