namespace GptTrainer.Commands;

/// <summary>Base of the cmdlets that read one session's conversation: the session given, piped, or the current one.</summary>
public abstract class SessionScopedCmdlet : ApiCmdlet
{
    /// <summary>Defaults to the current session.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionUuidCompleter))]
    public string? SessionUuid { get; set; }
}
