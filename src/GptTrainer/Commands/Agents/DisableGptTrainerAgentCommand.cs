namespace GptTrainer.Commands;

/// <summary>Turns agents off; the chatbot stops routing questions to them.</summary>
[Cmdlet(VerbsLifecycle.Disable, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Agent))]
public sealed class DisableGptTrainerAgentCommand : AgentSwitchCmdlet
{
    protected override bool TurnOn => false;
}
