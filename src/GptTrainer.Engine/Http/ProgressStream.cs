namespace GptTrainer.Http;

/// <summary>Reports how much of a file has been read (that is, sent) as Write-Progress, at most a few times a second.</summary>
internal sealed class ProgressStream(Stream inner, IApiLog log, string activity, string fileName)
    : ReadOnlyWrapperStream(inner)
{
    private readonly IApiLog _log = log;
    private readonly string _activity = activity;
    private readonly string _fileName = fileName;
    private readonly int _activityId = ProgressActivityIds.Next();
    private long _sent;
    private DateTime _nextReport = DateTime.MinValue;

    // Seekable like the file underneath, so that the upload can be sent with a Content-Length.
    public override bool CanSeek => Inner.CanSeek;

    public override long Length => Inner.Length;

    public override long Position
    {
        get => Inner.Position;
        set => Inner.Position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => Inner.Seek(offset, origin);

    public override int Read(byte[] buffer, int offset, int count) => Count(Inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Count(await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _sent += read;
        bool done = read == 0 || _sent >= Inner.Length;
        if (done || DateTime.UtcNow >= _nextReport)
        {
            _nextReport = DateTime.UtcNow.AddMilliseconds(250);
            int percent = (int)(_sent * 100 / Math.Max(1, Inner.Length));
            _log.Progress(new ProgressReport(_activityId, _activity, $"{_fileName}: {_sent / 1024:N0} of {Inner.Length / 1024:N0} KiB sent", Math.Min(100, percent), done));
        }

        return read;
    }
}
