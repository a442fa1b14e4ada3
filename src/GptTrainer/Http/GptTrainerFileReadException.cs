namespace GptTrainer.Http;

/// <summary>A file to upload could not be read (locked by another process, no permission); nothing was sent for it.</summary>
public sealed class GptTrainerFileReadException : GptTrainerException
{
    public GptTrainerFileReadException(string path, Exception inner)
        : base($"Could not read '{path}' to upload it: {inner.Message}", inner)
    {
        Path = path;
    }

    public string Path { get; }

    public override string ErrorId => "FileNotReadable";

    public override ErrorCategory Category => ErrorCategory.ReadError;
}
