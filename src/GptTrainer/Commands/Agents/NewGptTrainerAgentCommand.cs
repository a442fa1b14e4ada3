namespace GptTrainer.Commands;

/// <summary>Creates an agent on a chatbot. The service creates agents disabled; Enable-GptTrainerAgent turns one on.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Agent))]
public sealed class NewGptTrainerAgentCommand : AgentFieldsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("user-facing", "background", "human-escalation", "pre-canned", "spam-defense")]
    public string Type { get; set; } = string.Empty;

    [Parameter]
    public double Bias { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Stickiness { get; set; }

    [Parameter]
    public string? DefaultMessage { get; set; }

    /// <summary>The service creates every agent disabled; with this the agent is enabled straight after.</summary>
    [Parameter]
    public SwitchParameter Enabled { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        if (!ShouldProcess($"chatbot {chatbot}", $"Create the {Type} agent '{Name}'"))
        {
            return;
        }

        AgentSettings settings = SharedFieldsGiven();
        settings.Name = Name;
        settings.Type = Type;
        settings.Bias = Bound(nameof(Bias)) ? Bias : null;
        settings.Stickiness = Bound(nameof(Stickiness)) ? Stickiness : null;
        settings.DefaultMessage = DefaultMessage;
        Agent created = Call((api, token) => api.Agents.CreateAsync(chatbot, settings, token));
        if (Enabled && !created.Enabled)
        {
            // A second request: the create endpoint ignores "enabled", only an update turns an agent on.
            created = Call((api, token) => api.Agents.UpdateAsync(created.AgentUuid, new AgentSettings { Enabled = true }, chatbot, token));
        }

        WriteObject(created);
    }
}
