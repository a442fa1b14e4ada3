using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// What every route group shares: reading a body, reading its fields as leniently as the service's
/// clients send them, finding the record a path names, and answering in the service's shapes. One home,
/// so that all routes parse, miss and fail alike.
/// </summary>
public static class ApiJson
{
    /// <summary>Non-ASCII text and quotes inside strings are written as themselves, as Python's service does.</summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// An empty body counts as {}: the service's own examples post nothing to routes without parameters. A
    /// body over the route's limit ends the read with Kestrel's 413, which <see cref="RequestBodyLimits"/> answers.
    /// </summary>
    public static async Task<JsonObject?> ReadBody(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        string text = await reader.ReadToEndAsync(ctx.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <remarks>
    /// A route whose only parameter is the HttpContext must declare its lambda as returning Task&lt;IResult&gt;
    /// when it calls this: otherwise the lambda binds as a RequestDelegate and ASP.NET Core drops the answer.
    /// </remarks>
    public static async Task<IResult> WithBody(HttpContext ctx, Func<JsonObject, IResult> handle)
        => await ReadBody(ctx) is JsonObject body ? handle(body) : BadJson();

    /// <summary>Every bulk route takes its targets as {"uuids": [...]}.</summary>
    public static Task<IResult> WithUuids(HttpContext ctx, Func<HashSet<string>, IResult> handle)
        => WithBody(ctx, body => body["uuids"] is JsonArray items && items.All(i => i is JsonValue v && v.TryGetValue(out string? _))
            ? handle(items.Select(i => (string)i!).ToHashSet())
            : Bad("uuids is required"));

    /// <summary>The handler runs under the store's lock, so the record cannot be deleted while it is read or changed.</summary>
    public static IResult Found<T>(Store store, Dictionary<string, T> records, string uuid, Func<T, IResult> handle)
    {
        lock (store.Gate)
        {
            return records.TryGetValue(uuid, out T? record) ? handle(record) : NotFound();
        }
    }

    public static IResult Removed<T>(Store store, Dictionary<string, T> records, string uuid)
    {
        lock (store.Gate)
        {
            return records.Remove(uuid) ? Success() : NotFound();
        }
    }

    public static string? Str(JsonObject body, string name)
        => body[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static string? NonEmptyStr(JsonObject body, string name)
        => Str(body, name) is string s && s.Length > 0 ? s : null;

    /// <summary>Updates may leave a name out, but may not blank it.</summary>
    public static IResult? ApplyName(JsonObject body, Action<string> set)
    {
        if (!body.ContainsKey("name")) return null;
        if (NonEmptyStr(body, "name") is not string name) return Bad("name must not be empty");
        set(name);
        return null;
    }

    /// <summary>The service answers some booleans as 0/1, so clients may send them back that way.</summary>
    public static bool? Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out int i) && i is 0 or 1 => i == 1,
        _ => null,
    };

    public static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue(out int i) ? i : null;

    public static double? Num(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    public static IResult Json(JsonNode node, int status = 200)
        => Results.Text(node.ToJsonString(Relaxed), "application/json", Encoding.UTF8, status);

    /// <summary>Lists are bare top-level arrays: the service wraps no answer in an envelope.</summary>
    public static IResult JsonList(IEnumerable<JsonNode> items) => Json(new JsonArray(items.ToArray()));

    public static IResult Success() => Json(new JsonObject { ["success"] = true });

    public static IResult NotFound() => Json(new JsonObject { ["error"] = "not found" }, StatusCodes.Status404NotFound);

    public static IResult Bad(string message) => Json(new JsonObject { ["error"] = message }, StatusCodes.Status400BadRequest);

    public static IResult BadJson() => Bad("the body must be a JSON object");

    /// <summary>The same {"error": ...} answer, written by a middleware that stops a request before any route returns an IResult.</summary>
    public static Task WriteErrorAsync(HttpContext ctx, int status, string error)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(Relaxed), ctx.RequestAborted);
    }
}
