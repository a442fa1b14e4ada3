namespace GptTrainer.Commands;

/// <summary>Deletes agents.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerAgentCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string[]? AgentUuid { get; set; }

    protected override void ProcessApiRecord()
        => Changes.RemoveEach(AgentUuid, nameof(AgentUuid), "agent", "Remove", (api, uuid, token) => api.Agents.DeleteAsync(uuid, token));
}
