using GptTrainer.ChatbotCode;

namespace GptTrainer.Commands;

/// <summary>
/// Base of Export-, Import-, Copy- and Compare-GptTrainerChatbot: the folders they take, checked before any
/// request, and the export folder read and checked as a whole. The work itself is the engine's
/// (GptTrainer.ChatbotCode); these cmdlets take the parameters, confirm, and write what it reports.
/// </summary>
public abstract class ChatbotCodeCmdlet : ApiCmdlet
{
    /// <summary>An existing file-system folder, as a full path, or an error about <paramref name="parameterName"/>.</summary>
    private protected string ExistingFolder(string path, string parameterName)
    {
        string folder = AnyFolder(path, parameterName);
        if (!Directory.Exists(folder))
        {
            throw new InputException(new ErrorRecord(new DirectoryNotFoundException($"-{parameterName} '{path}' does not exist."), "FolderNotFound", ErrorCategory.ObjectNotFound, path));
        }

        return folder;
    }

    /// <summary>A folder that may not exist yet (made when written to), but is not a file.</summary>
    private protected string AnyFolder(string path, string parameterName)
    {
        string resolved = FileSystemPaths.Literal(SessionState, path, "FolderNotFound");
        if (File.Exists(resolved))
        {
            throw new InputException(InputError("NotAFolder", $"-{parameterName} '{path}' is a file; give the folder an export is (or is to be) in.", ErrorCategory.InvalidArgument, path));
        }

        // Without a trailing separator, as messages and results show it; a drive's or the system's root keeps its own.
        string full = System.IO.Path.GetFullPath(resolved);
        string trimmed = full.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
        return trimmed.Length > 0 && full != System.IO.Path.GetPathRoot(full) ? trimmed : full;
    }

    /// <summary>
    /// The export in a folder, with everything an import needs checked: every problem is reported at once as one
    /// InvalidExportFolder error, before any request.
    /// </summary>
    private protected static ChatbotDocument ReadExport(string folder) => ExportReader.Read(folder);

    /// <summary>Where secrets' placeholders are resolved: this process's environment, as CI runners set it from their secrets.</summary>
    private protected static string? EnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>
    /// The chatbot an import or comparison is about: the one given, else the one the files came from. Never the
    /// current chatbot: writing an export into whatever chatbot happens to be current is no default to offer.
    /// </summary>
    private protected string TargetOf(string? given, ChatbotDocument export, string folder)
        => GivenUuid(given, "ChatbotUuid")
            ?? (string.IsNullOrEmpty(export.Origin?.ChatbotUuid) ? null : export.Origin!.ChatbotUuid)
            ?? throw new InputException(InputError("NoChatbotUuid", $"{folder} does not name the chatbot it came from; give -ChatbotUuid.", ErrorCategory.InvalidArgument, folder));
}
