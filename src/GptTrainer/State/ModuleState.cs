using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace GptTrainer.State;

/// <summary>
/// What Connect-GptTrainer and New-GptTrainerSession remember, kept per runspace so that parallel
/// runspaces (ForEach-Object -Parallel, runspace pools) never see each other's current session.
/// </summary>
internal sealed class ModuleState
{
    /// <summary>
    /// A global variable that ties the state to the runspace's variables. ForEach-Object -Parallel reuses
    /// runspaces and resets their variables between iterations, which removes this one: the next command
    /// then starts from a fresh state, exactly as it would in a new runspace.
    /// </summary>
    internal const string MarkerVariable = "GptTrainerRunspaceState";

    private static readonly ConditionalWeakTable<Runspace, ModuleState> States = new();

    // Used when no runspace is current, as in the C# tests that drive the client directly.
    private static readonly ModuleState Detached = new();

    private readonly RunspaceMarker _marker = new();

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

    /// <summary>The chatbot a session belongs to, as far as the state knows: only the current session's is known.</summary>
    public string? ChatbotOfSession(string session) => session == SessionUuid ? ChatbotUuid : null;

    /// <summary>
    /// The state of the runspace a command runs in, fresh if PowerShell reset the runspace's variables since
    /// the state was last used.
    /// </summary>
    public static ModuleState Of(SessionState sessionState)
    {
        Runspace? runspace = Runspace.DefaultRunspace;
        if (runspace is null)
        {
            return Detached;
        }

        lock (States)
        {
            ModuleState state = States.GetValue(runspace, static _ => new ModuleState());
            if (ReferenceEquals(sessionState.PSVariable.GetValue("global:" + MarkerVariable), state._marker))
            {
                return state;
            }

            States.Remove(runspace);
            var fresh = new ModuleState();
            States.Add(runspace, fresh);
            sessionState.PSVariable.Set("global:" + MarkerVariable, fresh._marker);
            sessionState.PSVariable.Get("global:" + MarkerVariable).Description = "GptTrainer's connection and current session for this runspace; removing it forgets them.";
            return fresh;
        }
    }

    /// <summary>
    /// The state as tab completion sees it. Completion runs inside a pipeline, where the runspace's
    /// variables cannot be read from here; it only reads, so a reset it misses costs nothing.
    /// </summary>
    public static ModuleState Current
    {
        get
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace is null)
            {
                return Detached;
            }

            lock (States)
            {
                return States.GetValue(runspace, static _ => new ModuleState());
            }
        }
    }

    public void Clear()
    {
        Connection = null;
        ChatbotUuid = null;
        SessionUuid = null;
    }

    /// <summary>What the marker variable holds: only its identity matters.</summary>
    private sealed class RunspaceMarker
    {
        public override string ToString() => "GptTrainer runspace state";
    }
}
