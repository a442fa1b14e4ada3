using System.Collections.Concurrent;
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

/// <summary>How replies are produced: composed from the chatbot's sources, scripted, or generated for benchmarks.</summary>
public sealed class ReplyPlan
{
    /// <summary>Pause between two pieces of a composed or scripted reply.</summary>
    public int PieceDelayMs;

    /// <summary>Replace the composed reply's text (still split into pieces).</summary>
    public string? Text;

    /// <summary>Exact pieces, written and flushed one by one.</summary>
    public List<string>? Pieces;

    /// <summary>Split every multi-byte character of the reply between two flushed pieces.</summary>
    public bool SplitUtf8;

    /// <summary>Write this many pieces, then hold the rest until /_emulator/release (or 30 s).</summary>
    public int? HoldAfterPieces;

    /// <summary>Benchmark reply: this many generated pieces of PieceSize bytes, each flushed alone.</summary>
    public long GeneratePieces;
    public int PieceSize = 16;

    /// <summary>Benchmark reply: this many bytes written in large chunks as fast as the socket takes them.</summary>
    public long GenerateBytes;

    /// <summary>Benchmark reply: pieces paced this far apart, each carrying the time it was written.</summary>
    public int StampIntervalMs;
    public int StampCount;

    public ReplyPlan Clone() => (ReplyPlan)MemberwiseClone();

    public static ReplyPlan FromJson(JsonObject json, ReplyPlan defaults) => new()
    {
        PieceDelayMs = (int?)json["pieceDelayMs"] ?? defaults.PieceDelayMs,
        Text = (string?)json["text"],
        Pieces = json["pieces"] is JsonArray pieces ? pieces.Select(p => (string?)p ?? "").ToList() : null,
        SplitUtf8 = (bool?)json["splitUtf8"] ?? false,
        HoldAfterPieces = (int?)json["holdAfterPieces"],
        GeneratePieces = (long?)json["generatePieces"] ?? 0,
        PieceSize = (int?)json["pieceSize"] ?? 16,
        GenerateBytes = (long?)json["generateBytes"] ?? 0,
        StampIntervalMs = (int?)json["stampIntervalMs"] ?? 0,
        StampCount = (int?)json["stampCount"] ?? 0,
    };
}

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

/// <summary>The emulator's test-facing state: faults, reply plans, recorded requests and counters.</summary>
public sealed class Control
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _faults = new();
    private readonly ConcurrentDictionary<string, ReplyPlan> _sessionPlans = new();
    private readonly List<RecordedRequest> _requests = new();
    private TaskCompletionSource _release = NewRelease();
    private long _sequence;

    public Control(int defaultPieceDelayMs) => DefaultPlan = new ReplyPlan { PieceDelayMs = defaultPieceDelayMs };

    public ReplyPlan DefaultPlan { get; set; }

    public long ConnectionsAccepted;
    public long ConnectionsOpen;
    public long StreamsActive;
    public long StreamsHeld;
    public long StreamsCompleted;
    public bool RecordRequests = true;
    public const int MaxRecorded = 5000;

    public FaultRule? TakeFault(HttpRequest request)
    {
        lock (_gate)
        {
            FaultRule? rule = _faults.FirstOrDefault(f => f.Times != 0 && f.Matches(request));
            if (rule is not null && rule.Times > 0)
            {
                rule.Times--;
            }

            return rule;
        }
    }

    public void AddFault(FaultRule rule)
    {
        lock (_gate)
        {
            _faults.Add(rule);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public ReplyPlan PlanFor(string sessionUuid)
        => _sessionPlans.TryGetValue(sessionUuid, out ReplyPlan? plan) ? plan : DefaultPlan;

    public void SetPlan(string? sessionUuid, ReplyPlan plan)
    {
        if (sessionUuid is null)
        {
            DefaultPlan = plan;
        }
        else
        {
            _sessionPlans[sessionUuid] = plan;
        }
    }

    public void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count >= MaxRecorded)
            {
                _requests.RemoveAt(0);
            }

            _requests.Add(request);
        }
    }

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public List<RecordedRequest> Requests()
    {
        lock (_gate)
        {
            return _requests.ToList();
        }
    }

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Held replies wait here until a test releases them.</summary>
    public Task ReleaseSignal => _release.Task;

    public void Release()
    {
        TaskCompletionSource old = Interlocked.Exchange(ref _release, NewRelease());
        old.TrySetResult();
    }

    public void Reset(int defaultPieceDelayMs)
    {
        ClearFaults();
        ClearRequests();
        _sessionPlans.Clear();
        DefaultPlan = new ReplyPlan { PieceDelayMs = defaultPieceDelayMs };
        Release();
        Interlocked.Exchange(ref ConnectionsAccepted, 0);
        Interlocked.Exchange(ref StreamsCompleted, 0);
        RecordRequests = true;
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
