namespace GptTrainer.Sync;

/// <summary>A file to upload: new, or a new version of one whose earlier versions are removed once it is in.</summary>
internal sealed class PlannedUpload(LocalFile file, string fileName, IReadOnlyList<DataSource> previous)
{
    public LocalFile File { get; } = file;

    /// <summary>The name the service is to store, carrying the sync's identity of the file and its content.</summary>
    public string FileName { get; } = fileName;

    public IReadOnlyList<DataSource> Previous { get; } = previous;

    public bool IsUpdate => Previous.Count > 0;
}
