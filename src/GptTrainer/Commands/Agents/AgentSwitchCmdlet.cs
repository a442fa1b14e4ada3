namespace GptTrainer.Commands;

/// <summary>Base of Enable- and Disable-GptTrainerAgent, which differ only in the value they send.</summary>
public abstract class AgentSwitchCmdlet : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string[]? AgentUuid { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract bool TurnOn { get; }

    protected override void ProcessApiRecord()
        => ForEachUuid(AgentUuid, nameof(AgentUuid), agent =>
        {
            if (!ShouldProcess(KnownNames.Describe("agent", agent), TurnOn ? "Enable" : "Disable"))
            {
                return;
            }

            Agent updated = Call((api, token) => api.Agents.UpdateAsync(agent, new AgentSettings { Enabled = TurnOn }, ChatbotUuid, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        });
}
