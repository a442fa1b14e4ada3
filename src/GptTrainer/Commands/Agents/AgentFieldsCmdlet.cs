namespace GptTrainer.Commands;

/// <summary>Base of New- and Set-GptTrainerAgent: the agent fields both a create and an update send.</summary>
public abstract class AgentFieldsCmdlet : ChatbotScopedCmdlet
{
    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    public string? Prompt { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string? Model { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Temperature { get; set; }

    [Parameter]
    public SwitchParameter UseAllSources { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    public AgentTag[]? Tag { get; set; }

    /// <summary>The shared fields this call was given; the rest stay null, so they are not sent.</summary>
    private protected AgentSettings SharedFieldsGiven() => new()
    {
        Description = Bound(nameof(Description)) ? Description ?? string.Empty : null,
        Prompt = Bound(nameof(Prompt)) ? Prompt ?? string.Empty : null,
        Model = Bound(nameof(Model)) ? Model : null,
        Temperature = Bound(nameof(Temperature)) ? Temperature : null,
        UseAllSources = Bound(nameof(UseAllSources)) ? UseAllSources.IsPresent : null,
        Tags = Bound(nameof(Tag)) ? Tag ?? Array.Empty<AgentTag>() : null,
    };

    private protected static readonly string[] SharedFieldNames = { nameof(Description), nameof(Prompt), nameof(Model), nameof(Temperature), nameof(UseAllSources), nameof(Tag) };
}
