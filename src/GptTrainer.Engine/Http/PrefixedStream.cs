namespace GptTrainer.Http;

/// <summary>Gives back bytes already read from a stream before the rest of it.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner)
    : ReadOnlyWrapperStream(inner)
{
    private readonly byte[] _prefix = prefix;
    private readonly int _prefixLength = prefixLength;
    private int _given;

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_given < _prefixLength)
        {
            int n = Math.Min(count, _prefixLength - _given);
            Array.Copy(_prefix, _given, buffer, offset, n);
            _given += n;
            return Task.FromResult(n);
        }

        return Inner.ReadAsync(buffer, offset, count, cancellationToken);
    }
}
