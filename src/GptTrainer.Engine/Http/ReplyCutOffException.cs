namespace GptTrainer.Http;

/// <summary>The connection broke after part of a reply had arrived; what arrived was already written.</summary>
public sealed class ReplyCutOffException(long bytesReceived, long piecesReceived, string path, Exception? inner)
    : GptTrainerException("ReplyCutOff", ErrorKind.ConnectionError, $"The reply from {path} was cut off after {bytesReceived} bytes in {piecesReceived} pieces had arrived; those pieces were written before this error. Cause: {inner?.GetBaseException().Message ?? "the connection closed early"}", inner)
{
    public long BytesReceived { get; } = bytesReceived;

    public long PiecesReceived { get; } = piecesReceived;
}
