namespace GptTrainer.ChatbotCode;

/// <summary>
/// Export-GptTrainerChatbot's work: read the chatbot (four requests), render the folder's files, and write
/// those whose bytes changed. Reading and writing are apart so that -WhatIf can say what would change.
/// </summary>
internal sealed class ChatbotExport
{
    private ChatbotExport(ChatbotDocument document, SecretHandling secrets)
    {
        Document = document;
        Secrets = secrets;
        Files = ExportWriter.Render(document);
    }

    public ChatbotDocument Document { get; }

    public SecretHandling Secrets { get; }

    public List<(string File, string Text)> Files { get; }

    public static async Task<ChatbotExport> ReadAsync(GptTrainerApi api, string chatbotUuid, bool includeSecrets, CancellationToken cancellationToken)
    {
        SecretHandling secrets = includeSecrets ? SecretHandling.Included : SecretHandling.AsPlaceholders;
        ChatbotDocument document = await LiveReader.ReadAsync(api, chatbotUuid, secrets, cancellationToken).ConfigureAwait(false);
        return new ChatbotExport(document, secrets);
    }

    /// <summary>The files whose bytes in <paramref name="folder"/> differ from this export's (all of them for a new folder).</summary>
    public List<string> ChangedIn(string folder)
        => Files.Where(f => !ExportWriter.HasBytes(Path.Combine(folder, f.File), ExportWriter.Bytes(f.Text))).Select(f => f.File).ToList();

    public ChatbotExportResult Write(string folder) => Result(folder, ExportWriter.Write(folder, Files));

    public ChatbotExportResult Result(string folder, List<string> changed) => new()
    {
        Path = folder,
        ChatbotUuid = Document.ChatbotUuid ?? string.Empty,
        ChatbotName = Document.ChatbotName ?? string.Empty,
        ModifiedAt = Document.Settings.ModifiedAt,
        Agents = Document.Agents.Count,
        ToolFunctions = Document.Functions.Count,
        SourceTags = Document.Tags.Count,
        DataSources = Document.Sources.Count,
        UploadedFiles = Document.Sources.Count(s => s.Kind == "file"),
        NotImportable = Document.Sources.Count(s => s.Kind is not ("qa" or "link" or "file")),
        SecretVariables = Secrets.Variables.ToArray(),
        Files = Files.Select(f => f.File).ToArray(),
        Changed = changed.ToArray(),
    };
}
