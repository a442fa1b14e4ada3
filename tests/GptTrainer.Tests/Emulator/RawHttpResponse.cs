using System.Text.Json.Nodes;

namespace GptTrainer.Tests;

/// <summary>An answer read off a raw connection; Json parses the body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("the body is JSON null");
}
