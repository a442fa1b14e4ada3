namespace GptTrainer.Sync;

/// <summary>
/// What the synced folder holds: every file under it (hidden ones aside, as Get-ChildItem leaves them out),
/// which of them the sync is about, and the content version of those.
/// </summary>
/// <remarks>
/// The whole tree is walked even without -Recurse, because a source may only be pruned when its file is gone
/// from the folder, not merely outside this run's selection. Links to folders are not followed, so a link
/// cycle cannot make the walk endless. A link to a file is synced only when the file it leads to is inside the
/// folder: a link to ~/.config/credentials.json would otherwise publish the credentials to the chatbot's users.
/// </remarks>
internal sealed class FolderScan
{
    private FolderScan()
    {
    }

    public List<LocalFile> Files { get; } = new();

    /// <summary>Folders that could not be listed: what they hold is unknown, so nothing may be pruned.</summary>
    public List<(string RelativePath, Exception Error)> UnreadableFolders { get; } = new();

    public static FolderScan Run(string root, bool recurse, PathFilter filter, long maximumBytes, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var scan = new FolderScan();
        string realRoot = RealPath.Of(root) ?? root;
        scan.Walk(new DirectoryInfo(root), string.Empty, cancellationToken);
        scan.Files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));

        List<LocalFile> selected = scan.Files.Where(f => (recurse || f.RelativePath.IndexOf('/') < 0) && filter.Selects(f.RelativePath)).ToList();
        int done = 0;
        foreach (LocalFile file in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            file.Selected = true;
            file.SkipReason = LinkProblem(file, realRoot) ?? SkipReason(file, maximumBytes);
            if (file.SkipReason is null)
            {
                try
                {
                    file.ContentId = ContentHash.Of(file.FullPath, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    file.ReadError = ex;
                }
            }

            progress?.Invoke(++done, selected.Count);
        }

        return scan;
    }

    /// <summary>Why a link is not synced: it leads outside the folder, or nowhere. Null for a plain file or a link inside.</summary>
    private static string? LinkProblem(LocalFile file, string realRoot)
    {
        if (!file.IsLink)
        {
            return null;
        }

        if (file.LinkTarget is null)
        {
            return "it is a link whose target cannot be found";
        }

        return RealPath.IsWithin(file.LinkTarget, realRoot)
            ? null
            : $"it is a link to {file.LinkTarget}, outside the synced folder; a link is synced only when the file it leads to is inside the folder";
    }

    private static string? SkipReason(LocalFile file, long maximumBytes)
    {
        string extension = Path.GetExtension(file.RelativePath);
        if (!UploadRules.Accepts(extension))
        {
            return extension.Length == 0
                ? "the service takes only files with an extension it knows, and this one has none"
                : $"the service does not take {extension} files";
        }

        if (file.Length == 0)
        {
            return "the file is empty";
        }

        return file.Length > maximumBytes
            ? $"the file is {file.Length / 1048576.0:N1} MiB, over the {maximumBytes / 1048576} MiB limit (-MaximumFileSizeMB)"
            : null;
    }

    private void Walk(DirectoryInfo folder, string prefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<FileSystemInfo> entries;
        try
        {
            entries = folder.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            UnreadableFolders.Add((prefix.TrimEnd('/'), ex));
            return;
        }

        foreach (FileSystemInfo entry in entries)
        {
            if (entry.Name.StartsWith(".", StringComparison.Ordinal) || (entry.Attributes & FileAttributes.Hidden) != 0)
            {
                continue;
            }

            if (entry is DirectoryInfo child)
            {
                if ((child.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    Walk(child, prefix + child.Name + "/", cancellationToken);
                }
            }
            else if (entry is FileInfo file)
            {
                // A link to a missing file lists without a length; reading it later fails and says why.
                long length;
                try
                {
                    length = file.Length;
                }
                catch (IOException)
                {
                    length = -1;
                }

                var found = new LocalFile(prefix + file.Name, file.FullName, length);
                if ((file.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    // Where it leads decides whether it is synced; its own length may be the link's, not the file's.
                    found.IsLink = true;
                    found.LinkTarget = RealPath.Of(file.FullName);
                    found.Length = found.LinkTarget is string target && File.Exists(target) ? new FileInfo(target).Length : length;
                }

                Files.Add(found);
            }
        }
    }
}
