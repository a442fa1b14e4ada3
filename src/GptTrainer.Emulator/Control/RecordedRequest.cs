using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>What tests assert on after the fact: enough of a request to check what the module sent, without keeping large bodies.</summary>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string Path,
    string Query,
    bool HasAuthorization,
    bool AuthorizationValid,
    string? ContentType,
    string Body,
    JsonObject? Form,
    string Host,
    string ConnectionId,
    string UserAgent);
