namespace GptTrainer.Conversations;

/// <summary>
/// A local file an export writes or reads (the export itself, its state) cannot be used: a folder that does not
/// exist, no permission, a state file of another chatbot, a disk that filled up. Raised before any request
/// when it can be known then.
/// </summary>
public sealed class LocalFileException(string errorId, ErrorKind kind, string path, string message, Exception? inner = null)
    : GptTrainerException(errorId, kind, message, inner)
{
    /// <summary>The file's full path.</summary>
    public string Path { get; } = path;
}
