using System.Security;

namespace GptTrainer.Commands;

/// <summary>Forgets the connection, current chatbot and current session of this runspace.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "GptTrainer")]
[OutputType(typeof(void))]
public sealed class DisconnectGptTrainerCommand : GptTrainerCmdlet
{
    protected override void EndProcessing()
    {
        State.Clear();
        Verbose("Disconnected from GPT-trainer; later commands fall back to the environment variables, if set.");
    }
}
