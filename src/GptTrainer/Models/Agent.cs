using System;
using System.Collections.Generic;
using GptTrainer.Json;

namespace GptTrainer.Models;

/// <summary>An agent of a chatbot. The API nests model settings under "meta"; here they are plain properties.</summary>
public sealed class Agent
{
    public string AgentUuid { get; set; } = string.Empty;

    /// <summary>Known when the agent was listed or created through its chatbot; the API does not return it.</summary>
    public string? ChatbotUuid { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>user-facing, background, human-escalation, pre-canned or spam-defense.</summary>
    public string? Type { get; set; }

    /// <summary>The API answers 0/1 or true/false depending on the endpoint; both read as a boolean.</summary>
    public bool Enabled { get; set; }

    public string? Description { get; set; }

    public string? Prompt { get; set; }

    public string? Model { get; set; }

    public double? Temperature { get; set; }

    public bool? UseAllSources { get; set; }

    public double? Bias { get; set; }

    /// <summary>The API's "stickness" (sic).</summary>
    public double? Stickiness { get; set; }

    public string? DefaultMessage { get; set; }

    /// <summary>Tags a background agent applies to conversations.</summary>
    public AgentTag[] Tags { get; set; } = Array.Empty<AgentTag>();

    public string[] DataSourceUuids { get; set; } = Array.Empty<string>();

    public AgentVariable[] Variables { get; set; } = Array.Empty<AgentVariable>();

    public HumanEscalationSettings? HumanEscalationSettings { get; set; }

    public object?[] ToolFunctions { get; set; } = Array.Empty<object?>();

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Name;

    internal static Agent FromJson(object? json, string? chatbotUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "an agent");
        JsonObject meta = o.GetObject("meta") ?? new JsonObject();
        return new Agent
        {
            AgentUuid = o.GetString("uuid") ?? string.Empty,
            ChatbotUuid = chatbotUuid,
            Name = o.GetString("name") ?? string.Empty,
            Type = o.GetString("type"),
            Enabled = o.GetBoolean("enabled") ?? false,
            Description = o.GetString("description"),
            Prompt = o.GetString("prompt"),
            Model = meta.GetString("model"),
            Temperature = meta.GetDouble("temperature"),
            UseAllSources = meta.GetBoolean("use_all_sources"),
            Bias = meta.GetDouble("bias"),
            Stickiness = meta.GetDouble("stickness"),
            DefaultMessage = meta.GetString("default_message"),
            Tags = ModelReader.Each(meta.GetArray("tags"), AgentTag.FromJson),
            DataSourceUuids = o.GetStringArray("data_source_uuids"),
            Variables = ModelReader.Each(o.GetArray("variables"), AgentVariable.FromJson),
            HumanEscalationSettings = o.GetObject("human_escalation_settings") is JsonObject settings ? HumanEscalationSettings.FromJson(settings) : null,
            ToolFunctions = (object?[]?)ModelReader.ToPowerShell(o.GetArray("tool_functions")) ?? Array.Empty<object?>(),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}

/// <summary>A variable a user-facing agent collects. Hashtables with these keys convert to it.</summary>
public sealed class AgentVariable
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>string, number or boolean.</summary>
    public string Type { get; set; } = "string";

    public string? Example { get; set; }

    public string? DefaultValue { get; set; }

    /// <summary>True when the default is fixed rather than a starting value the agent may change.</summary>
    public bool DefaultIsStatic { get; set; }

    public override string ToString() => Name;

    internal static AgentVariable FromJson(JsonObject o)
    {
        JsonObject defaults = o.GetObject("default_value") ?? new JsonObject();
        return new AgentVariable
        {
            Name = o.GetString("name") ?? string.Empty,
            Description = o.GetString("description"),
            Type = o.GetString("type") ?? "string",
            Example = o.GetString("example"),
            DefaultValue = defaults.GetString("content"),
            DefaultIsStatic = defaults.GetBoolean("static") ?? false,
        };
    }

    internal Dictionary<string, object?> ToJson() => new()
    {
        ["name"] = Name,
        ["description"] = Description ?? string.Empty,
        ["type"] = Type,
        ["example"] = Example ?? string.Empty,
        ["default_value"] = new Dictionary<string, object?> { ["content"] = DefaultValue ?? string.Empty, ["static"] = DefaultIsStatic ? 1 : 0 },
    };
}

/// <summary>A tag a background agent applies when a conversation meets its criteria.</summary>
public sealed class AgentTag
{
    public string Name { get; set; } = string.Empty;

    public string? Criteria { get; set; }

    public string? Color { get; set; }

    public override string ToString() => Name;

    internal static AgentTag FromJson(JsonObject o) => new()
    {
        Name = o.GetString("name") ?? string.Empty,
        Criteria = o.GetString("criteria"),
        Color = o.GetString("color"),
    };

    internal Dictionary<string, object?> ToJson() => new()
    {
        ["name"] = Name,
        ["criteria"] = Criteria ?? string.Empty,
        ["color"] = Color ?? string.Empty,
    };
}

/// <summary>Settings of a human-escalation agent. Unset (null) properties are left unchanged by an update.</summary>
public sealed class HumanEscalationSettings
{
    public string? HumanRequestedMessage { get; set; }

    public string? LiveChatStartAnnouncement { get; set; }

    public string? LiveChatEndAnnouncement { get; set; }

    public string[]? MonitoredMessages { get; set; }

    public bool? NotificationsEnabled { get; set; }

    public bool? SoundEnabled { get; set; }

    internal static HumanEscalationSettings FromJson(JsonObject o) => new()
    {
        HumanRequestedMessage = o.GetString("human_requested_message"),
        LiveChatStartAnnouncement = o.GetString("live_chat_start_announcement"),
        LiveChatEndAnnouncement = o.GetString("live_chat_end_announcement"),
        MonitoredMessages = o.ContainsKey("monitored_messages") ? o.GetStringArray("monitored_messages") : null,
        NotificationsEnabled = o.GetBoolean("notifications_enabled"),
        SoundEnabled = o.GetBoolean("sound_enabled"),
    };

    internal Dictionary<string, object?> ToJson()
    {
        var json = new Dictionary<string, object?>();
        if (HumanRequestedMessage is not null) json["human_requested_message"] = HumanRequestedMessage;
        if (LiveChatStartAnnouncement is not null) json["live_chat_start_announcement"] = LiveChatStartAnnouncement;
        if (LiveChatEndAnnouncement is not null) json["live_chat_end_announcement"] = LiveChatEndAnnouncement;
        if (MonitoredMessages is not null) json["monitored_messages"] = MonitoredMessages;
        if (NotificationsEnabled is bool notify) json["notifications_enabled"] = notify ? 1 : 0;
        if (SoundEnabled is bool sound) json["sound_enabled"] = sound ? 1 : 0;
        return json;
    }
}
