namespace GptTrainer.Http;

/// <summary>
/// A token that fires when the server has been silent for longer than the idle timeout. Every sign of life
/// (headers, a piece of the reply) restarts it, so a long reply that keeps arriving never times out, and it
/// is paused while the caller works on what arrived.
/// </summary>
internal sealed class IdleTimer : IDisposable
{
    private readonly CancellationToken _outer;
    private readonly CancellationTokenSource _source;
    private readonly TimeSpan _limit;

    public IdleTimer(TimeSpan limit, CancellationToken outer)
    {
        _limit = limit;
        _outer = outer;
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Restart();
    }

    public CancellationToken Token => _source.Token;

    public TimeSpan Limit => _limit;

    /// <summary>True when the caller cancelled (Ctrl+C), whatever the timer did.</summary>
    public bool Cancelled => _outer.IsCancellationRequested;

    /// <summary>True when this timer, not the caller's own cancellation, ended the wait.</summary>
    public bool Fired => _source.IsCancellationRequested && !_outer.IsCancellationRequested;

    public void Restart()
    {
        if (_limit > TimeSpan.Zero && _limit != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(_limit);
        }
    }

    /// <summary>
    /// Stops the clock while the caller, not the service, has the next move: a piece handed to a slow
    /// pipeline is not the service going silent.
    /// </summary>
    public void Pause()
    {
        if (!_source.IsCancellationRequested)
        {
            _source.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Ends every wait on the response now: it is being left before its end.</summary>
    public void Abandon()
    {
        try
        {
            _source.Cancel();
        }
        catch (AggregateException)
        {
            // A callback that failed while closing the response changes nothing: it is being left either way.
        }
    }

    public void Dispose() => _source.Dispose();
}
