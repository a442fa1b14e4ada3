using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GptTrainer.Emulator;

/// <summary>A misbehaviour tests ask for: applies to the next <see cref="Times"/> matching requests.</summary>
public sealed class FaultRule
{
    public string? Method;
    public string PathPattern = ".*";
    public int Times = 1;
    public int? Status;
    public string? RetryAfter;
    public string? Body;
    public int StallBeforeHeadersMs;
    public long? CutAfterBytes;
    public long? StallAfterBytes;
    public int StallMs;
    public string? RedirectTo;
    public int RedirectStatus = 307;
    public bool DropConnection;

    /// <summary>The reason phrase of a <see cref="Status"/> answer, e.g. one that echoes what the client sent.</summary>
    public string? ReasonPhrase;

    /// <summary>An exact Location header for a <see cref="Status"/> answer (3xx), unlike RedirectTo which appends the path.</summary>
    public string? Location;

    /// <summary>After the <see cref="Body"/> (or "["), writes JSON-looking text forever until the client goes away.</summary>
    public bool EndlessBody;

    /// <summary>Writes the <see cref="Body"/> one byte at a time, this many milliseconds apart.</summary>
    public int TrickleMs;

    /// <summary>Compresses the real answer with gzip, deflate or br; any other value is only claimed in the header.</summary>
    public string? ContentEncoding;

    public bool Matches(HttpRequest request)
        => (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && Regex.IsMatch(request.Path.Value ?? "", PathPattern);

    public static FaultRule FromJson(JsonObject json) => new()
    {
        Method = (string?)json["method"],
        PathPattern = (string?)json["path"] ?? ".*",
        Times = (int?)json["times"] ?? 1,
        Status = (int?)json["status"],
        RetryAfter = json["retryAfter"]?.ToString(),
        Body = json["body"] is JsonNode body ? (body is JsonValue v && v.TryGetValue(out string? text) ? text : body.ToJsonString()) : null,
        StallBeforeHeadersMs = (int?)json["stallBeforeHeadersMs"] ?? 0,
        CutAfterBytes = (long?)json["cutAfterBytes"],
        StallAfterBytes = (long?)json["stallAfterBytes"],
        StallMs = (int?)json["stallMs"] ?? 0,
        RedirectTo = (string?)json["redirectTo"],
        RedirectStatus = (int?)json["redirectStatus"] ?? 307,
        DropConnection = (bool?)json["dropConnection"] ?? false,
        ReasonPhrase = (string?)json["reasonPhrase"],
        Location = (string?)json["location"],
        EndlessBody = (bool?)json["endlessBody"] ?? false,
        TrickleMs = (int?)json["trickleMs"] ?? 0,
        ContentEncoding = (string?)json["contentEncoding"],
    };
}
