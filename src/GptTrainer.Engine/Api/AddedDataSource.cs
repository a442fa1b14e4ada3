namespace GptTrainer.Api;

/// <summary>
/// What adding a file or a web page gave: the new source, or, when the service says it has it already
/// (409), the existing one, which it does not always name.
/// </summary>
internal sealed class AddedDataSource(DataSource? source, bool alreadyExisted)
{
    /// <summary>Null only when the service said the source exists without saying which it is.</summary>
    public DataSource? Source { get; } = source;

    public bool AlreadyExisted { get; } = alreadyExisted;
}
