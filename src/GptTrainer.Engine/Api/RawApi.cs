namespace GptTrainer.Api;

/// <summary>
/// Requests to endpoints named by the caller, with the same connection, retries, timeouts and key handling
/// as every typed call. Paths are checked so that the key can only ever go to the connected service.
/// </summary>
internal sealed class RawApi(ApiClient client)
    : ResourceApi(client)
{
    /// <summary>The service's root: the base URI without /api/v1, whatever prefix a white-label proxy adds.</summary>
    public Uri ServiceRoot => new(Client.Connection.ApiRoot, "../../");

    /// <summary>
    /// Where a path the caller typed leads. Three forms are taken, and nothing else: a path relative to the API
    /// root ("chatbots"), a path from the service root ("/api/data-sources/restart"), and a full http or https
    /// URL on the connected service. Null, with the reason, for anything else, before any request: a scheme
    /// of any other kind ("unix:", "mailto:", "x:y", "https:host", "C:/"), another host, a path climbing out.
    /// </summary>
    public Uri? Resolve(string? path, out string? problem)
    {
        problem = null;
        string text = (path ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            problem = "The path is empty; give one such as 'chatbots' or '/api/data-sources/restart'.";
            return null;
        }

        if (text.IndexOf('\\') >= 0 || text.IndexOf('#') >= 0 || HasControlCharacter(text))
        {
            problem = $"The path '{path}' contains a backslash, a '#' or a control character; write it as a URL path.";
            return null;
        }

        Uri? target;
        if (IsHttpUrl(text))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out target) || !ApiTransport.IsSameOrigin(target, ServiceRoot))
            {
                problem = $"The path '{path}' names another host; requests go only to the connected service at {ServiceRoot.GetLeftPart(UriPartial.Authority)}, so that the API key never leaves it.";
                return null;
            }

            if (target.UserInfo.Length > 0)
            {
                problem = $"The URL '{path}' names a user before the host; give the URL without it (the key is what signs requests in).";
                return null;
            }
        }
        else if (text[0] == '/')
        {
            if (text.StartsWith("//", StringComparison.Ordinal))
            {
                problem = $"The path '{path}' starts with '//', which names a host; requests go only to the connected service at {ServiceRoot.GetLeftPart(UriPartial.Authority)}, so that the API key never leaves it.";
                return null;
            }

            // "./" keeps the rest a path below the service root, whatever colons it holds.
            Uri.TryCreate(ServiceRoot, "./" + text.Substring(1), out target);
        }
        else if (FirstSegment(text).IndexOf(':') < 0)
        {
            Uri.TryCreate(Client.Connection.ApiRoot, text, out target);
        }
        else
        {
            problem = $"The path '{path}' starts with a scheme ('{FirstSegment(text).Split(':')[0]}:'); give a path such as 'chatbots' or '/api/data-sources/restart', or a full http or https URL on the connected service at {ServiceRoot.GetLeftPart(UriPartial.Authority)}.";
            return null;
        }

        if (target is null)
        {
            problem = $"The path '{path}' is not a valid URL path.";
            return null;
        }

        if (ClimbsOut(text))
        {
            problem = $"The path '{path}' contains '..'; name the endpoint directly.";
            return null;
        }

        // Whatever the form, the request must stay on the connected service and within its path.
        if (!ApiTransport.IsSameOrigin(target, ServiceRoot) || !target.AbsolutePath.StartsWith(ServiceRoot.AbsolutePath, StringComparison.Ordinal))
        {
            problem = $"The path '{path}' leads outside the connected service at {ServiceRoot}.";
            return null;
        }

        return target;
    }

    /// <summary>Sends the request, its body the JSON text given (none when null), and reads the whole answer.</summary>
    public Task<ApiAnswer> CallAsync(HttpMethod method, Uri uri, string? json, CancellationToken cancellationToken)
        => Client.CallAsync(Request(method, uri, json), cancellationToken);

    /// <summary>Sends the request and returns once headers are in; the answer is read piece by piece.</summary>
    public Task<ReplyReader> StreamAsync(HttpMethod method, Uri uri, string? json, CancellationToken cancellationToken)
        => Client.StreamAsync(Request(method, uri, json), cancellationToken);

    // Any endpoint may answer text, so text is accepted too, after JSON.
    private static ApiRequest Request(HttpMethod method, Uri uri, string? json)
        => new(method, uri, json is null ? null : () => new StringContent(json, Encoding.UTF8, "application/json")) { Accept = "application/json, text/plain;q=0.9, */*;q=0.8" };

    private static bool IsHttpUrl(string text)
        => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text up to the first '/' or '?': where a colon makes a scheme of what comes before it (RFC 3986).</summary>
    private static string FirstSegment(string text)
    {
        int end = text.IndexOfAny(new[] { '/', '?' });
        return end < 0 ? text : text.Substring(0, end);
    }

    /// <summary>
    /// A ".." segment could climb out of the service's path: escaped or not, and between escaped slashes or
    /// backslashes too, which some servers and proxies decode before they resolve the path.
    /// </summary>
    private static bool ClimbsOut(string path)
    {
        string withoutQuery = Uri.UnescapeDataString(path.Split('?')[0]);
        foreach (string segment in withoutQuery.Split('/', '\\'))
        {
            if (segment.Trim() == "..")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasControlCharacter(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A JSON answer parsed (objects as <see cref="JsonObject"/>, arrays as lists); any other answer as its text.</summary>
    public static object? Content(ApiAnswer answer)
    {
        if (answer.IsEmpty)
        {
            return null;
        }

        bool declaredJson = answer.MediaType is string type && (type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (declaredJson)
        {
            return answer.Json();
        }

        if (answer.MediaType is null && JsonConvert.ParseEmbedded(answer.Text) is object parsed)
        {
            return parsed;
        }

        return answer.Text;
    }
}
