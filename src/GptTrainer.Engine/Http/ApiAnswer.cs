namespace GptTrainer.Http;

/// <summary>
/// A whole answer, read within its attempt. Reading it as the shape an endpoint promises either gives that
/// shape or fails with <see cref="GptTrainerUnexpectedAnswerException"/>, never with a bare FormatException.
/// </summary>
internal sealed class ApiAnswer(int statusCode, string text, string? mediaType, string request)
{
    private bool _parsed;
    private object? _json;

    public int StatusCode { get; } = statusCode;

    /// <summary>The body as text.</summary>
    public string Text { get; } = text;

    /// <summary>The Content-Type's media type, such as application/json; null when the server sent none.</summary>
    public string? MediaType { get; } = mediaType;

    /// <summary>Method and path of the request that got this answer.</summary>
    public string Request { get; } = request;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>The body parsed as JSON: an object, a list, a value, or null for JSON null.</summary>
    public object? Json()
    {
        if (!_parsed)
        {
            if (IsEmpty)
            {
                throw Unexpected("the body was empty where JSON was expected");
            }

            try
            {
                _json = JsonReader.Parse(Text);
            }
            catch (FormatException ex)
            {
                throw Unexpected("the body is not JSON (" + ex.Message + ")", ex);
            }

            _parsed = true;
        }

        return _json;
    }

    /// <summary>Maps the JSON answer to a model; a model that finds the wrong shape becomes an unexpected answer.</summary>
    public T Read<T>(Func<object?, T> map)
    {
        object? json = Json();
        try
        {
            return map(json);
        }
        catch (FormatException ex)
        {
            throw Unexpected(ex.Message.TrimEnd('.'), ex);
        }
    }

    /// <summary>Maps every object of a JSON list answer.</summary>
    public List<T> ReadList<T>(string what, Func<JsonObject, T> map)
        => Read(json =>
        {
            var result = new List<T>();
            foreach (JsonObject item in Models.ModelReader.AsObjects(json, what))
            {
                result.Add(map(item));
            }

            return result;
        });

    /// <summary>Deletes answer {"success": true}; an explicit false is a failure the service admits to.</summary>
    public void ExpectSuccess()
    {
        if (!IsEmpty && Json() is JsonObject json && json.GetBoolean("success") == false)
        {
            throw Unexpected("it answered success: false");
        }
    }

    public GptTrainerUnexpectedAnswerException Unexpected(string problem, Exception? inner = null)
        => new(StatusCode, Request, problem, Text, inner);
}
