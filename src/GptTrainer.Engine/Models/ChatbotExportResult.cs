namespace GptTrainer.Models;

/// <summary>What Export-GptTrainerChatbot wrote: where, from which chatbot, how much, and what it could not carry.</summary>
public sealed class ChatbotExportResult
{
    /// <summary>The export folder, as a full path.</summary>
    public string Path { get; set; } = string.Empty;

    public string ChatbotUuid { get; set; } = string.Empty;

    public string ChatbotName { get; set; } = string.Empty;

    /// <summary>The chatbot's modified_at when it was read, as recorded in origin.json.</summary>
    public DateTime? ModifiedAt { get; set; }

    public int Agents { get; set; }

    public int ToolFunctions { get; set; }

    public int SourceTags { get; set; }

    public int DataSources { get; set; }

    /// <summary>Uploaded files: listed by name, size and content hash; their content is not in the export.</summary>
    public int UploadedFiles { get; set; }

    /// <summary>Sources the API cannot create (Google Drive, tables, images, videos...): listed, not importable.</summary>
    public int NotImportable { get; set; }

    /// <summary>The environment variables an import needs for the secrets written as placeholders.</summary>
    public string[] SecretVariables { get; set; } = Array.Empty<string>();

    /// <summary>The files written or already up to date, relative to <see cref="Path"/>.</summary>
    public string[] Files { get; set; } = Array.Empty<string>();

    /// <summary>The files whose bytes changed in this export; empty when the chatbot was exported unchanged.</summary>
    public string[] Changed { get; set; } = Array.Empty<string>();

    public override string ToString() => Path;
}
