using System.Collections.Concurrent;

namespace GptTrainer.Emulator;

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

    /// <summary>The most replies streaming at once since the last reset: how tests see that a client throttles itself.</summary>
    public long StreamsPeak;
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

    /// <summary>Counts a reply that starts streaming, and raises the peak if more are streaming now than ever before.</summary>
    public void StreamStarted()
    {
        long active = Interlocked.Increment(ref StreamsActive);
        long peak;
        while (active > (peak = Interlocked.Read(ref StreamsPeak)) && Interlocked.CompareExchange(ref StreamsPeak, active, peak) != peak)
        {
        }
    }

    public void StreamEnded() => Interlocked.Decrement(ref StreamsActive);

    /// <summary>Counters back to zero; the peak starts again from the replies streaming now.</summary>
    public void ResetStats()
    {
        Interlocked.Exchange(ref ConnectionsAccepted, 0);
        Interlocked.Exchange(ref StreamsCompleted, 0);
        Interlocked.Exchange(ref StreamsPeak, Interlocked.Read(ref StreamsActive));
    }

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
        ResetStats();
        RecordRequests = true;
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
