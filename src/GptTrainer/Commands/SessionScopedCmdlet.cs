namespace GptTrainer.Commands;

/// <summary>Base of the cmdlets that read sessions' conversations: the sessions given or piped, or the current one.</summary>
public abstract class SessionScopedCmdlet : ApiCmdlet
{
    /// <summary>Defaults to the current session.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string[]? SessionUuid { get; set; }

    protected sealed override void ProcessApiRecord()
    {
        if (SessionUuid is { Length: > 0 })
        {
            ForEachUuid(SessionUuid, nameof(SessionUuid), ProcessSession);
        }
        else
        {
            ProcessSession(SessionOrCurrent(null));
        }
    }

    private protected abstract void ProcessSession(string sessionUuid);
}
