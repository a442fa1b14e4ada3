namespace GptTrainer.Http;

/// <summary>
/// The service answered with success, but not with what the endpoint is known to answer: a missing field,
/// a list where an object belongs, <c>success: false</c>, text that is not JSON. One error id for all of
/// them, so scripts can tell "the service misbehaved" from "the service refused".
/// </summary>
public sealed class GptTrainerUnexpectedAnswerException(int statusCode, string request, string problem, string responseBody, Exception? inner = null)
    : GptTrainerException("UnexpectedAnswer", ErrorKind.InvalidResult, Describe(statusCode, request, problem, responseBody), inner)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Method and path of the request, never headers.</summary>
    public string Request { get; } = request;

    /// <summary>What was wrong with the answer.</summary>
    public string Problem { get; } = problem;

    /// <summary>The body as received (bounded by the transport).</summary>
    public string ResponseBody { get; } = responseBody;

    private static string Describe(int statusCode, string request, string problem, string body)
    {
        string start = ServerMessage.From(body);
        string shown = start.Length == 0 ? "The answer was empty." : $"The answer starts: {start}";
        return $"GPT-trainer answered {statusCode} to {request} with something the module did not expect: {problem}. {shown}";
    }
}
