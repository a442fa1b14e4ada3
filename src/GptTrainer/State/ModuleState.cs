using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace GptTrainer.State;

/// <summary>
/// What Connect-GptTrainer and New-GptTrainerSession remember, kept per runspace so that parallel
/// runspaces (ForEach-Object -Parallel, runspace pools) never see each other's current session.
/// </summary>
internal sealed class ModuleState
{
    private static readonly ConditionalWeakTable<Runspace, ModuleState> States = new();

    // Used when no runspace is current, as in the C# tests that drive the client directly.
    private static readonly ModuleState Detached = new();

    /// <summary>
    /// A new or dropped connection starts tab completion afresh: what was cached for the same key and service
    /// may describe an account state from before the user reconnected.
    /// </summary>
    public ConnectionSettings? Connection
    {
        get => _connection;
        set
        {
            _connection = value;
            Completion.CompletionCache.Clear();
        }
    }

    private ConnectionSettings? _connection;

    public string? ChatbotUuid { get; set; }

    public string? SessionUuid { get; set; }

    public static ModuleState Current
    {
        get
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace is null ? Detached : States.GetValue(runspace, static _ => new ModuleState());
        }
    }

    public void Clear()
    {
        Connection = null;
        ChatbotUuid = null;
        SessionUuid = null;
    }
}
