namespace GptTrainer.Sync;

/// <summary>
/// What a sync has to do, worked out from the folder and the chatbot's list alone, before anything is sent.
/// Only sources this sync owns take part: uploads whose stored file name carries this collection's marker.
/// Everything else in the chatbot (files added by hand or by another folder's sync, web pages, Q&amp;A) is
/// not looked at again.
/// </summary>
internal sealed class SyncPlan
{
    private SyncPlan(string collectionId) => CollectionId = collectionId;

    public string CollectionId { get; }

    /// <summary>Files whose content the chatbot already holds, with the source holding it.</summary>
    public List<(LocalFile File, DataSource Source)> Unchanged { get; } = new();

    public List<PlannedUpload> Uploads { get; } = new();

    /// <summary>Earlier versions of files whose current version is already in: left by a run that stopped between upload and removal.</summary>
    public List<(LocalFile File, DataSource Source)> OlderVersions { get; } = new();

    /// <summary>Sources whose file is no longer anywhere under the folder, with the path their name records.</summary>
    public List<(string Path, DataSource Source)> Gone { get; } = new();

    /// <summary>Files present but not synced (left out, skipped or unreadable) that have a version in the chatbot, which stays.</summary>
    public HashSet<LocalFile> KeptFiles { get; } = new();

    /// <summary>
    /// Files whose paths differ but whose identity would be the same (café.md written composed and decomposed,
    /// which the identity reads as one name so that every machine agrees on it): the service could not tell
    /// them apart, so neither is synced and their sources stay.
    /// </summary>
    public List<(LocalFile File, LocalFile SameIdentity)> Collisions { get; } = new();

    public static SyncPlan Create(string collectionId, IReadOnlyList<LocalFile> files, IReadOnlyList<DataSource> sources)
    {
        var plan = new SyncPlan(collectionId);
        var owned = new Dictionary<string, List<(DataSource Source, SyncedName Name)>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (DataSource source in sources)
        {
            if (IsUpload(source) && SyncedName.Parse(source.FileName) is SyncedName name && name.CollectionId == collectionId && seen.Add(source.DataSourceUuid))
            {
                if (!owned.TryGetValue(name.PathId, out var versions))
                {
                    owned[name.PathId] = versions = new();
                }

                versions.Add((source, name));
            }
        }

        var byIdentity = new Dictionary<string, LocalFile>(StringComparer.Ordinal);
        var colliding = new HashSet<string>(StringComparer.Ordinal);
        foreach (LocalFile file in files)
        {
            if (byIdentity.TryGetValue(file.PathId, out LocalFile? first))
            {
                plan.Collisions.Add((first, file));
                colliding.Add(file.PathId);
            }
            else
            {
                byIdentity[file.PathId] = file;
            }
        }

        foreach (LocalFile file in files)
        {
            if (colliding.Contains(file.PathId))
            {
                // Never synced as one file, and never pruned as gone: their sources stay as they are.
                owned.Remove(file.PathId);
                continue;
            }

            if (!owned.TryGetValue(file.PathId, out var versions))
            {
                versions = new();
            }

            owned.Remove(file.PathId);
            if (!file.IsSyncable)
            {
                if (versions.Count > 0)
                {
                    plan.KeptFiles.Add(file);
                }

                continue;
            }

            // Of several copies of the current version (two runs racing), the one already processed is kept.
            var current = versions.Where(v => v.Name.ContentId == file.ContentId)
                .OrderByDescending(v => DataSourceStatuses.IsSucceeded(v.Source.Status))
                .Select(v => v.Source)
                .FirstOrDefault();
            var others = versions.Select(v => v.Source).Where(s => !ReferenceEquals(s, current)).ToList();
            if (current is null)
            {
                plan.Uploads.Add(new PlannedUpload(file, SyncedName.Compose(collectionId, file.RelativePath, file.ContentId!), others));
                continue;
            }

            plan.Unchanged.Add((file, current));
            plan.OlderVersions.AddRange(others.Select(s => (file, s)));
        }

        // What is left names files that are no longer there.
        foreach (var versions in owned.Values)
        {
            // The path is read back from a name the service sent: shown, so made safe to show.
            plan.Gone.AddRange(versions.Select(v => (DisplayText.Safe(v.Name.Path), v.Source)));
        }

        plan.Gone.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return plan;
    }

    /// <summary>The reference says "file", the service answers "upload"; a sync never touches any other kind.</summary>
    private static bool IsUpload(DataSource source)
        => string.Equals(source.Type, "upload", StringComparison.OrdinalIgnoreCase) || string.Equals(source.Type, "file", StringComparison.OrdinalIgnoreCase);
}
