using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>Body readers and answers every route group shares, so that all routes parse and fail alike.</summary>
public static class ApiJson
{
    public static async Task<string> ReadText(IFormFile file)
    {
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        char[] buffer = new char[64 * 1024];
        int read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

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

    public static HashSet<string>? Uuids(JsonObject body)
        => body["uuids"] is JsonArray items && items.All(i => i is JsonValue v && v.TryGetValue(out string? _))
            ? items.Select(i => (string)i!).ToHashSet()
            : null;

    public static string? Str(JsonObject body, string name)
        => body[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static bool? Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out int i) && i is 0 or 1 => i == 1,
        _ => null,
    };

    public static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue(out int i) ? i : null;

    public static double? Num(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    /// <summary>Non-ASCII text and quotes inside strings are written as themselves, as Python's service does.</summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node, int status = 200)
        => Results.Text(node.ToJsonString(Relaxed), "application/json", Encoding.UTF8, status);

    public static IResult Success() => Json(new JsonObject { ["success"] = true });

    public static IResult NotFound() => Json(new JsonObject { ["error"] = "not found" }, StatusCodes.Status404NotFound);

    public static IResult Bad(string message) => Json(new JsonObject { ["error"] = message }, StatusCodes.Status400BadRequest);

    public static IResult BadJson() => Bad("the body must be a JSON object");
}
