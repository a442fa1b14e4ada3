using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Completion;
using GptTrainer.Json;
using GptTrainer.Models;

namespace GptTrainer.Commands;

/// <summary>Lists a chatbot's agents, optionally filtered by name or uuid.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerAgent")]
[OutputType(typeof(Agent))]
public sealed class GetGptTrainerAgentCommand : ApiCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>The API cannot fetch one agent on its own, so this filters the chatbot's list.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string[]? AgentUuid { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = ChatbotUuid;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        string[]? wanted = AgentUuid is null ? null : UuidList(AgentUuid, nameof(AgentUuid));
        var agents = GetList(Client.UriFor("chatbot/{0}/agents", chatbot), "agents").Select(o => Agent.FromJson(o, chatbot)).ToList();
        if (wanted is not null)
        {
            foreach (string missing in wanted.Where(w => agents.All(a => a.AgentUuid != w)))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"Chatbot {chatbot} has no agent {missing}."), "AgentNotFound", ErrorCategory.ObjectNotFound, missing));
            }

            agents = agents.Where(a => wanted.Contains(a.AgentUuid)).ToList();
        }

        WriteObject(NameFilter.Apply(this, agents, Name, a => a.Name, "agent"), enumerateCollection: true);
    }
}

/// <summary>Creates an agent on a chatbot. The service creates agents disabled; Enable-GptTrainerAgent turns one on.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Agent))]
public sealed class NewGptTrainerAgentCommand : ApiCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("user-facing", "background", "human-escalation", "pre-canned", "spam-defense")]
    public string Type { get; set; } = string.Empty;

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
    public double Bias { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Stickiness { get; set; }

    [Parameter]
    public string? DefaultMessage { get; set; }

    [Parameter]
    public AgentTag[]? Tag { get; set; }

    [Parameter]
    public SwitchParameter UseAllSources { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        if (!ShouldProcess($"chatbot {chatbot}", $"Create the {Type} agent '{Name}'"))
        {
            return;
        }

        // Sent flat, as every example and client does; the answer nests the settings under "meta".
        var body = new Dictionary<string, object?> { ["name"] = Name, ["type"] = Type };
        if (Description is not null) body["description"] = Description;
        if (Prompt is not null) body["prompt"] = Prompt;
        if (Model is not null) body["model"] = Model;
        if (Bound(nameof(Temperature))) body["temperature"] = Temperature;
        if (Bound(nameof(Bias))) body["bias"] = Bias;
        if (Bound(nameof(Stickiness))) body["stickness"] = Stickiness;
        if (DefaultMessage is not null) body["default_message"] = DefaultMessage;
        if (Tag is not null) body["tags"] = Tag.Select(t => t.ToJson()).ToArray();
        if (Bound(nameof(UseAllSources))) body["use_all_sources"] = UseAllSources.IsPresent;
        WriteObject(Agent.FromJson(Post(Client.UriFor("chatbot/{0}/agent/create", chatbot), body), chatbot));
    }
}

/// <summary>Changes an agent; only the parameters given are sent. Lists (variables, sources, tags) are replaced whole.</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Agent))]
public sealed class SetGptTrainerAgentCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string? AgentUuid { get; set; }

    /// <summary>Only for tab completion of -AgentUuid and -DataSourceUuid; the API needs no chatbot to update an agent.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

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
    [AllowEmptyCollection]
    public AgentTag[]? Tag { get; set; }

    [Parameter]
    public HumanEscalationSettings? HumanEscalationSetting { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = AgentUuid;
        string agent = Uuid(AgentUuid, nameof(AgentUuid));
        var body = new Dictionary<string, object?>();
        if (Bound(nameof(Name))) body["name"] = Name;
        if (Bound(nameof(Description))) body["description"] = Description ?? string.Empty;
        if (Bound(nameof(Prompt))) body["prompt"] = Prompt ?? string.Empty;
        if (Bound(nameof(Model))) body["model"] = Model;
        if (Bound(nameof(Temperature))) body["temperature"] = Temperature;
        if (Bound(nameof(UseAllSources))) body["use_all_sources"] = UseAllSources.IsPresent;
        if (Bound(nameof(Enabled))) body["enabled"] = Enabled.IsPresent;
        if (Bound(nameof(DataSourceUuid))) body["data_source_uuids"] = UuidList(DataSourceUuid ?? Array.Empty<string>(), nameof(DataSourceUuid));
        if (Bound(nameof(Variable))) body["variables"] = (Variable ?? Array.Empty<AgentVariable>()).Select(VariableJson).ToArray();
        if (Bound(nameof(Tag))) body["tags"] = (Tag ?? Array.Empty<AgentTag>()).Select(t => t.ToJson()).ToArray();
        if (HumanEscalationSetting is not null) body["human_escalation_settings"] = HumanEscalationSetting.ToJson();
        if (body.Count == 0)
        {
            throw new InputException(InputError("NothingToChange", "Give at least one setting to change, such as -Prompt or -Enabled.", ErrorCategory.InvalidArgument, AgentUuid));
        }

        if (!ShouldProcess($"agent {agent}", "Change " + string.Join(", ", body.Keys)))
        {
            return;
        }

        Agent updated = AgentUpdate.Send(this, agent, body, ChatbotUuid);
        if (PassThru)
        {
            WriteObject(updated);
        }
    }

    private Dictionary<string, object?> VariableJson(AgentVariable variable)
    {
        if (string.IsNullOrWhiteSpace(variable.Name) || variable.Type is not ("string" or "number" or "boolean"))
        {
            throw new InputException(InputError(
                "InvalidAgentVariable",
                $"Agent variable '{variable.Name}' needs a Name and a Type of string, number or boolean.",
                ErrorCategory.InvalidArgument,
                variable));
        }

        return variable.ToJson();
    }
}

/// <summary>One place that sends an agent update, shared by Set-, Enable- and Disable-GptTrainerAgent.</summary>
internal static class AgentUpdate
{
    public static Agent Send(ApiCmdlet cmdlet, string agentUuid, Dictionary<string, object?> body, string? chatbotUuid)
        => Agent.FromJson(cmdlet.Post(cmdlet.Client.UriFor("agent/{0}/update", agentUuid), body), chatbotUuid);
}

/// <summary>Turns agents on.</summary>
[Cmdlet(VerbsLifecycle.Enable, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Agent))]
public sealed class EnableGptTrainerAgentCommand : AgentSwitchCmdlet
{
    protected override bool TurnOn => true;
}

/// <summary>Turns agents off; the chatbot stops routing questions to them.</summary>
[Cmdlet(VerbsLifecycle.Disable, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Agent))]
public sealed class DisableGptTrainerAgentCommand : AgentSwitchCmdlet
{
    protected override bool TurnOn => false;
}

public abstract class AgentSwitchCmdlet : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string? AgentUuid { get; set; }

    /// <summary>Only for tab completion of -AgentUuid; carried into the output when given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract bool TurnOn { get; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = AgentUuid;
        string agent = Uuid(AgentUuid, nameof(AgentUuid));
        if (!ShouldProcess($"agent {agent}", TurnOn ? "Enable" : "Disable"))
        {
            return;
        }

        Agent updated = AgentUpdate.Send(this, agent, new Dictionary<string, object?> { ["enabled"] = TurnOn }, ChatbotUuid);
        if (PassThru)
        {
            WriteObject(updated);
        }
    }
}

/// <summary>Deletes agents.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerAgentCommand : RemoveOneCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AgentUuidCompleter))]
    public string? AgentUuid { get; set; }

    /// <summary>Only for tab completion of -AgentUuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    private protected override string? UuidValue => AgentUuid;

    private protected override string ParameterName => nameof(AgentUuid);

    private protected override string ItemName => "agent";

    private protected override HttpMethod Method => HttpMethod.Delete;

    private protected override string PathFormat => "agent/{0}/delete";
}
