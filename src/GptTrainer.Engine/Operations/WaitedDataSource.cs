namespace GptTrainer.Operations;

/// <summary>A source waited for: as last listed, and the error that says why it did not end in success.</summary>
internal sealed class WaitedDataSource(DataSource source)
{
    /// <summary>The source as the chatbot last listed it (or as given, if it was never found).</summary>
    public DataSource Source { get; set; } = source;

    /// <summary>Null once the source is processed; otherwise why not (failed, still working at the timeout, gone, unlisted).</summary>
    public OperationError? Error { get; set; }

    public bool Finished { get; set; }

    /// <summary>Whether the chatbot's list has shown the source at all.</summary>
    public bool Listed { get; set; }
}
