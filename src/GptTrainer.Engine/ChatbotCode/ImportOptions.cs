namespace GptTrainer.ChatbotCode;

/// <summary>What one Import- or Copy-GptTrainerChatbot run is asked to do; the cmdlet checked every value before any request.</summary>
internal sealed class ImportOptions
{
    /// <summary>What the target is to look like, secrets already in place of their placeholders.</summary>
    public ChatbotDocument Source { get; set; } = new();

    /// <summary>How messages name where the source came from: the folder, or "chatbot 'Staging'".</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>An existing chatbot to import into; null with <see cref="NewName"/>.</summary>
    public string? ChatbotUuid { get; set; }

    /// <summary>The name of a chatbot to create and import into.</summary>
    public string? NewName { get; set; }

    /// <summary>How confirmations name the target: "chatbot 'Support' (b29325ca...)".</summary>
    public string TargetDescription { get; set; } = string.Empty;

    /// <summary>Also remove the agents, tags, tool functions and Q&amp;A and web-page sources the source does not have.</summary>
    public bool Mirror { get; set; }

    /// <summary>The folder uploaded files are uploaded again from, as a full path; null when not given.</summary>
    public string? SourcePath { get; set; }

    /// <summary>Import into the chatbot the files came from even though it changed since.</summary>
    public bool Force { get; set; }

    public int ThrottleLimit { get; set; } = 4;
}
