namespace GptTrainer.Http;

/// <summary>Reports how much of a file has been read (that is, sent) as Write-Progress, at most a few times a second.</summary>
internal sealed class ProgressStream : Stream
{
    private static int _nextActivityId = 1000;
    private readonly Stream _inner;
    private readonly IApiLog _log;
    private readonly string _activity;
    private readonly string _fileName;
    private readonly int _activityId = Interlocked.Increment(ref _nextActivityId);
    private long _sent;
    private DateTime _nextReport = DateTime.MinValue;

    public ProgressStream(Stream inner, IApiLog log, string activity, string fileName)
    {
        _inner = inner;
        _log = log;
        _activity = activity;
        _fileName = fileName;
    }

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _sent += read;
        bool done = read == 0 || _sent >= _inner.Length;
        if (done || DateTime.UtcNow >= _nextReport)
        {
            _nextReport = DateTime.UtcNow.AddMilliseconds(250);
            int percent = (int)(_sent * 100 / Math.Max(1, _inner.Length));
            _log.Progress(new ProgressRecord(_activityId, _activity, $"{_fileName}: {_sent / 1024:N0} of {_inner.Length / 1024:N0} KiB sent")
            {
                PercentComplete = Math.Min(100, percent),
                RecordType = done ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }

        return read;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
