using GptTrainer.Sync;

namespace GptTrainer.Commands;

/// <summary>
/// Makes a chatbot's knowledge equal to a folder: uploads new files, replaces changed ones, and with -Prune
/// removes the sources of deleted ones, touching only the sources it made itself for that folder. The run
/// and its rules are the engine's <see cref="FolderSync"/>; this cmdlet checks the parameters, confirms each
/// change and writes what the run reports.
/// </summary>
[Cmdlet(VerbsData.Sync, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DataSourceSyncResult))]
public sealed class SyncGptTrainerDataSourceCommand : ChatbotScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    public string? Path { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Include { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Exclude { get; set; }

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <summary>
    /// A routine change rarely removes more sources than this; a wrong -Path, an emptied checkout or a renamed
    /// -Collection would remove them all, which is what this stops.
    /// </summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaximumDelete { get; set; } = 20;

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, 86400)]
    public int WaitTimeoutSec { get; set; } = 600;

    /// <summary>A few uploads at once hide the latency of each without looking like a flood to the service.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Collection { get; set; }

    /// <summary>Titles new sources by their path relative to the folder instead of by their file name.</summary>
    [Parameter]
    public SwitchParameter TitleFromPath { get; set; }

    [Parameter]
    [ValidateRange(1, 2047)]
    public int MaximumFileSizeMB { get; set; } = UploadRules.DefaultMaximumFileSizeMB;

    protected override void ProcessApiRecord()
    {
        string chatbot = ChatbotOrCurrent(ChatbotUuid);
        string root = Folder(Path!);
        ErrorTarget = root;
        var options = new SyncOptions
        {
            ChatbotUuid = chatbot,
            ChatbotDescription = KnownNames.Describe("chatbot", chatbot),
            Root = root,
            Collection = string.IsNullOrEmpty(Collection) ? FolderName(root) : Collection!,
            Filter = new PathFilter(CheckedPatterns(Include, nameof(Include)), CheckedPatterns(Exclude, nameof(Exclude))),
            Recurse = Recurse,
            Prune = Prune,
            MaximumDelete = MaximumDelete,
            Wait = Wait,
            WaitTimeout = TimeSpan.FromSeconds(WaitTimeoutSec),
            ThrottleLimit = ThrottleLimit,
            TitleFromPath = TitleFromPath,
            MaximumFileBytes = MaximumFileSizeMB * 1048576L,
        };

        // A refusal (more removals than -MaximumDelete allows) is about this folder: an error for it, like any other.
        Await(new FolderSync(Api, this, options).RunAsync(StopToken));
    }

    /// <summary>The folder to sync, checked before any request: it must be one existing file-system folder.</summary>
    private string Folder(string path)
    {
        string resolved = FileSystemPaths.Literal(SessionState, path, "FolderNotFound");
        if (File.Exists(resolved))
        {
            throw new InputException(InputError("NotAFolder", $"-Path '{path}' is not a folder: Sync-GptTrainerDataSource syncs the files of a folder.", ErrorCategory.InvalidArgument, path));
        }

        if (!Directory.Exists(resolved))
        {
            throw new InputException(new ErrorRecord(new DirectoryNotFoundException($"-Path '{path}' does not exist."), "FolderNotFound", ErrorCategory.ObjectNotFound, path));
        }

        return System.IO.Path.GetFullPath(resolved).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar) is { Length: > 0 } full ? full : System.IO.Path.GetFullPath(resolved);
    }

    /// <summary>The default collection: the folder's own name, the same on every machine that checks the repository out.</summary>
    private static string FolderName(string root) => System.IO.Path.GetFileName(root) is { Length: > 0 } name ? name : root;

    private string[]? CheckedPatterns(string[]? patterns, string parameterName)
    {
        foreach (string pattern in patterns ?? Array.Empty<string>())
        {
            if (PathFilter.Problem(pattern) is string problem)
            {
                throw new InputException(InputError("InvalidWildcard", $"-{parameterName} '{pattern}' is not a valid wildcard pattern: {problem}", ErrorCategory.InvalidArgument, pattern));
            }
        }

        return patterns;
    }
}
