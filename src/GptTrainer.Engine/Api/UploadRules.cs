namespace GptTrainer.Api;

/// <summary>
/// Which files the service takes as uploads. Neither rule is documented (docs/gpt-trainer-api.md, "Data
/// sources"): the extensions are the ones the emulator allows, since the service's own list was never
/// recorded beyond "file type not allowed" for others, and the size limit is a guess that callers can raise.
/// Checking them before sending spares a request that could only fail, and lets a sync skip such files with
/// a warning instead of reporting a failure.
/// </summary>
internal static class UploadRules
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".txt", ".md", ".doc", ".docx", ".csv", ".json", ".html", ".htm", ".pptx", ".xlsx", ".xls", ".rtf", ".png", ".jpg", ".jpeg",
    };

    /// <summary>The assumed largest upload, in MiB; the service's limit depends on the plan and is not published.</summary>
    public const int DefaultMaximumFileSizeMB = 50;

    public static bool Accepts(string extension) => Extensions.Contains(extension);
}
