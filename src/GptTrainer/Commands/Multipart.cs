using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace GptTrainer.Commands;

/// <summary>Builds multipart/form-data bodies that stream a file from disk, reporting progress for large ones.</summary>
internal static class Multipart
{
    private const long ProgressThreshold = 1024 * 1024;

    /// <summary>A factory, so that a retry sends the file again from its start.</summary>
    public static Func<HttpContent> FileContent(string path, (string Name, string Value)[] fields, GptTrainerCmdlet progressTo, string activity)
    {
        string fileName = Path.GetFileName(path);
        return () =>
        {
            var content = new MultipartFormDataContent();
            foreach ((string name, string value) in fields)
            {
                content.Add(new StringContent(value), name);
            }

            Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            if (file.Length >= ProgressThreshold)
            {
                file = new ProgressStream(file, progressTo, activity, fileName);
            }

            var part = new StreamContent(file, 64 * 1024);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", fileName);
            return content;
        };
    }

    /// <summary>Reports how much of a file has been read (that is, sent) as Write-Progress, at most a few times a second.</summary>
    private sealed class ProgressStream : Stream
    {
        private static int _nextActivityId = 1000;
        private readonly Stream _inner;
        private readonly GptTrainerCmdlet _cmdlet;
        private readonly string _activity;
        private readonly string _fileName;
        private readonly int _activityId = Interlocked.Increment(ref _nextActivityId);
        private long _sent;
        private DateTime _nextReport = DateTime.MinValue;

        public ProgressStream(Stream inner, GptTrainerCmdlet cmdlet, string activity, string fileName)
        {
            _inner = inner;
            _cmdlet = cmdlet;
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
                _cmdlet.PostProgress(new ProgressRecord(_activityId, _activity, $"{_fileName}: {_sent / 1024:N0} of {_inner.Length / 1024:N0} KiB sent")
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
}
