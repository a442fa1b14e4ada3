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
    };
}
