namespace GptTrainer.Commands;

/// <summary>Changes an agent; only the parameters given are sent. Lists (variables, sources, tags) are replaced whole.</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Agent))]
public sealed class SetGptTrainerAgentCommand : AgentFieldsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string[]? AgentUuid { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Turns the agent on or off (-Enabled:$false); Enable- and Disable-GptTrainerAgent do the same.</summary>
    [Parameter]
    public SwitchParameter Enabled { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(DataSourceUuidCompleter))]
    public string[]? DataSourceUuid { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    public AgentVariable[]? Variable { get; set; }

    [Parameter]
    public HumanEscalationSettings? HumanEscalationSetting { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = AgentUuid;
        AgentSettings changes = SharedFieldsGiven();
        changes.Name = Bound(nameof(Name)) ? Name : null;
        changes.Enabled = Bound(nameof(Enabled)) ? Enabled.IsPresent : null;
        changes.DataSourceUuids = Bound(nameof(DataSourceUuid)) ? UuidList(DataSourceUuid ?? Array.Empty<string>(), nameof(DataSourceUuid)) : null;
        changes.Variables = Bound(nameof(Variable)) ? (Variable ?? Array.Empty<AgentVariable>()).Select(CheckedVariable).ToArray() : null;
        changes.HumanEscalationSettings = HumanEscalationSetting;
        List<string> changed = BoundOf(SharedFieldNames.Concat(new[] { nameof(Name), nameof(Enabled), nameof(DataSourceUuid), nameof(Variable), nameof(HumanEscalationSetting) }).ToArray());
        ForEachUuid(AgentUuid, nameof(AgentUuid), agent =>
            Changes.SendChange(KnownNames.Describe("agent", agent), changed, "-Prompt or -Enabled", PassThru, (api, token) => api.Agents.UpdateAsync(agent, changes, ChatbotUuid, token)));
    }

    private AgentVariable CheckedVariable(AgentVariable variable)
    {
        if (string.IsNullOrWhiteSpace(variable.Name) || variable.Type is not ("string" or "number" or "boolean"))
        {
            throw new InputException(InputError(
                "InvalidAgentVariable",
                $"Agent variable '{variable.Name}' needs a Name and a Type of string, number or boolean.",
                ErrorCategory.InvalidArgument,
                variable));
        }

        return variable;
    }
}
