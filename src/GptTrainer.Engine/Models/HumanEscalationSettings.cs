namespace GptTrainer.Models;

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
