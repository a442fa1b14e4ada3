using System.Collections.ObjectModel;
using GptTrainer.Commands;

namespace GptTrainer.State;

/// <summary>
/// The one place the module turns a PowerShell path (relative to the current location, on a PSDrive, with
/// wildcards unless literal) into a file-system path, and says the same thing for the same bad path whichever
/// command was given it.
/// </summary>
internal static class FileSystemPaths
{
    /// <summary>
    /// The files a -Path (wildcards expand) or -LiteralPath names; a path that names no file is an ObjectNotFound
    /// error <c>FileNotFound</c> about that path, raised before any request.
    /// </summary>
    public static List<string> Files(SessionState session, string path, bool literal, string parameterName)
    {
        var files = new List<string>();
        foreach (string file in Resolve(session, path, literal, "FileNotFound"))
        {
            if (!File.Exists(file))
            {
                throw new InputException(new ErrorRecord(
                    new FileNotFoundException($"-{parameterName} '{path}' is not a file.", file),
                    "FileNotFound",
                    ErrorCategory.ObjectNotFound,
                    path));
            }

            files.Add(file);
        }

        return files;
    }

    /// <summary>
    /// The file-system path a literal path names, whether or not anything is there yet (a folder to sync, a file to
    /// write); a path that cannot be resolved is an ObjectNotFound error <paramref name="errorId"/>, a path of
    /// another provider (Env:, HKLM:) an InvalidArgument error NotAFileSystemPath.
    /// </summary>
    public static string Literal(SessionState session, string path, string errorId) => Resolve(session, path, literal: true, errorId)[0];

    private static Collection<string> Resolve(SessionState session, string path, bool literal, string errorId)
    {
        Collection<string> resolved;
        ProviderInfo provider;
        try
        {
            resolved = literal
                ? new Collection<string> { session.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                : session.Path.GetResolvedProviderPathFromPSPath(path, out provider);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException
            or NotSupportedException or ArgumentException or PSInvalidOperationException)
        {
            throw new InputException(new ErrorRecord(ex, errorId, ErrorCategory.ObjectNotFound, path));
        }

        if (provider.Name != "FileSystem")
        {
            throw new InputException(new ErrorRecord(
                new ArgumentException($"'{path}' is a path of the {provider.Name} provider, not of the file system."),
                "NotAFileSystemPath",
                ErrorCategory.InvalidArgument,
                path));
        }

        return resolved;
    }
}
