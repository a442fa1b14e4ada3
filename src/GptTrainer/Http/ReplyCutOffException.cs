namespace GptTrainer.Http;

/// <summary>The connection broke after part of a reply had arrived; what arrived was already written.</summary>
public sealed class ReplyCutOffException : GptTrainerException
{
    public ReplyCutOffException(long bytesReceived, long piecesReceived, string path, Exception? inner)
        : base($"The reply from {path} was cut off after {bytesReceived} bytes in {piecesReceived} pieces had arrived; those pieces were written before this error. Cause: {inner?.GetBaseException().Message ?? "the connection closed early"}", inner)
    {
        BytesReceived = bytesReceived;
        PiecesReceived = piecesReceived;
    }

    public long BytesReceived { get; }

    public long PiecesReceived { get; }

    public override string ErrorId => "ReplyCutOff";

    public override ErrorCategory Category => ErrorCategory.ConnectionError;
}
