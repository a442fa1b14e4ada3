namespace GptTrainer.Commands;

/// <summary>Turns agents on.</summary>
[Cmdlet(VerbsLifecycle.Enable, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Agent))]
public sealed class EnableGptTrainerAgentCommand : AgentSwitchCmdlet
{
    protected override bool TurnOn => true;
}
