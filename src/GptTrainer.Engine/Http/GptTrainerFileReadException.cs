namespace GptTrainer.Http;

/// <summary>A file to upload could not be read (locked by another process, no permission); nothing was sent for it.</summary>
public sealed class GptTrainerFileReadException(string path, Exception inner)
    : GptTrainerException("FileNotReadable", ErrorKind.ReadError, $"Could not read '{path}' to upload it: {inner.Message}", inner)
{
    public string Path { get; } = path;
}
