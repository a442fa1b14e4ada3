using GptTrainer.Sync;

namespace GptTrainer.Commands;

/// <summary>
/// Makes a chatbot's knowledge equal to a folder: uploads new files, replaces changed ones, and with -Prune
/// removes the sources of deleted ones, touching only the sources it made itself for that folder.
/// </summary>
/// <remarks>
/// A run is: read the folder, read the chatbot's list once, plan, upload (in parallel), optionally wait for
/// processing, and only then remove, and only if nothing failed. How a source is recognised as this sync's,
/// and its content version, is in <see cref="SyncedName"/>.
/// </remarks>
[Cmdlet(VerbsData.Sync, "GptTrainerDataSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DataSourceSyncResult))]
public sealed class SyncGptTrainerDataSourceCommand : DataSourceWaitCmdlet
{
    private const int SyncProgressId = 6;
    private const string Activity = "Syncing data sources";

    private readonly Dictionary<DataSourceSyncAction, int> _counts = new();
    private string _chatbot = string.Empty;

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
    /// A routine change rarely deletes more files than this; a wrong -Path, an emptied checkout or a renamed
    /// -Collection would delete them all, which is what this stops.
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

    /// <summary>For services that title uploads by their file name, which here carries the sync's marker.</summary>
    [Parameter]
    public SwitchParameter TitleFromPath { get; set; }

    [Parameter]
    [ValidateRange(1, 2047)]
    public int MaximumFileSizeMB { get; set; } = UploadRules.DefaultMaximumFileSizeMB;

    protected override void ProcessApiRecord()
    {
        _chatbot = ChatbotOrCurrent(ChatbotUuid);
        _counts.Clear();
        string root = Folder(Path!);
        ErrorTarget = root;
        var filter = new PathFilter(CheckedPatterns(Include, nameof(Include)), CheckedPatterns(Exclude, nameof(Exclude)));
        string collection = string.IsNullOrEmpty(Collection) ? FolderName(root) : Collection!;
        Verbose($"Syncing {root} as collection '{collection}' to chatbot {_chatbot}.");

        FolderScan scan = Scan(root, filter);
        List<DataSource> sources = Call((api, token) => api.DataSources.ListAsync(_chatbot, token));
        SyncPlan plan = SyncPlan.Create(SyncedName.CollectionIdOf(collection), scan.Files, sources);
        if (Prune && plan.Gone.Count > MaximumDelete)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(
                    $"The sync would remove {plan.Gone.Count} data sources whose files are gone from {root}, more than -MaximumDelete allows ({MaximumDelete}). Nothing was changed. "
                    + $"If that is intended, run it again with -MaximumDelete {plan.Gone.Count} (with -WhatIf first to see the list); if not, check -Path, -Collection and the folder."),
                "TooManyRemovals",
                ErrorCategory.LimitsExceeded,
                root));
        }

        int failures = ReportLocal(root, scan, plan);
        if (IsWhatIf())
        {
            WritePlan(plan);
            Summarize(root, planned: true);
            return;
        }

        List<SyncedUpload> uploads = Upload(plan.Uploads);
        failures += CheckUploads(uploads, plan.CollectionId);
        if (Wait)
        {
            failures += WaitForUploads(uploads);
        }

        Remove(plan, uploads, failures);
        Summarize(root, planned: false);
    }

    /// <summary>A user who sees only the progress bar and the table still needs the counts, and CI logs need one line to grep.</summary>
    private void Summarize(string root, bool planned)
    {
        int Count(DataSourceSyncAction action) => _counts.TryGetValue(action, out int n) ? n : 0;
        string text = planned
            ? $"What if: syncing {root} to chatbot {_chatbot} would add {Count(DataSourceSyncAction.Added)}, update {Count(DataSourceSyncAction.Updated)} and remove {Count(DataSourceSyncAction.Removed)}; {Count(DataSourceSyncAction.Unchanged)} unchanged, {Count(DataSourceSyncAction.Skipped)} skipped."
            : $"Synced {root} to chatbot {_chatbot}: {Count(DataSourceSyncAction.Added)} added, {Count(DataSourceSyncAction.Updated)} updated, {Count(DataSourceSyncAction.Removed)} removed, {Count(DataSourceSyncAction.Unchanged)} unchanged, {Count(DataSourceSyncAction.Skipped)} skipped, {Count(DataSourceSyncAction.Failed)} failed.";
        WriteProgress(new ProgressRecord(SyncProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });

        // Shown like Write-Host (the PSHOST tag), yet on the information stream, so 6> and -InformationAction still govern it.
        WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "GptTrainerSyncSummary" });
    }

    private FolderScan Scan(string root, PathFilter filter)
    {
        CancellationToken token = StopToken;
        long maximumBytes = MaximumFileSizeMB * 1048576L;
        bool recurse = Recurse;
        return Await(Task.Run(
            () => FolderScan.Run(root, recurse, filter, maximumBytes, (done, total) =>
            {
                if (done % 50 == 0 || done == total)
                {
                    QueueWrite(() => ShowProgress($"Reading files: {done} of {total}", done, total));
                }
            }, token),
            token));
    }

    /// <summary>Reports what needs no request (unreadable folders and files, skipped and unchanged files); returns how many failed.</summary>
    private int ReportLocal(string root, FolderScan scan, SyncPlan plan)
    {
        int failures = 0;
        foreach ((string folder, Exception error) in scan.UnreadableFolders)
        {
            failures++;
            WriteError(new ErrorRecord(error, "FolderNotReadable", ErrorCategory.ReadError, System.IO.Path.Combine(root, folder))
            {
                ErrorDetails = new ErrorDetails($"Could not list the folder '{(folder.Length == 0 ? "." : folder)}', so nothing is removed in this run: {error.Message}"),
            });
        }

        foreach (LocalFile file in scan.Files.Where(f => f.Selected))
        {
            if (file.SkipReason is not null)
            {
                string kept = plan.KeptFiles.Contains(file) ? "; the version synced before stays in the chatbot" : string.Empty;
                Warning($"Skipped {file.RelativePath}: {file.SkipReason}{kept}.");
                Emit(DataSourceSyncAction.Skipped, file.RelativePath, null, file.SkipReason + kept);
            }
            else if (file.ReadError is not null)
            {
                failures++;
                WriteError(new ErrorRecord(file.ReadError, "FileNotReadable", ErrorCategory.ReadError, file.FullPath)
                {
                    ErrorDetails = new ErrorDetails($"Could not read {file.RelativePath}, so nothing is removed in this run: {file.ReadError.Message}"),
                });
                Emit(DataSourceSyncAction.Failed, file.RelativePath, null, "could not be read: " + file.ReadError.Message);
            }
        }

        foreach ((LocalFile file, DataSource source) in plan.Unchanged)
        {
            if (DataSourceStatuses.IsFailed(source.Status))
            {
                Warning($"{file.RelativePath} is unchanged, but the chatbot could not process it (status '{DisplayText.Safe(source.Status)}'): {DataSourceStatuses.Explain(source.Status)}.");
            }

            Emit(DataSourceSyncAction.Unchanged, file.RelativePath, source, null);
        }

        return failures;
    }

    /// <summary>-WhatIf: every change the run would make, as the objects it would write, and not one request that writes.</summary>
    private void WritePlan(SyncPlan plan)
    {
        string chatbot = KnownNames.Describe("chatbot", _chatbot);
        foreach (PlannedUpload upload in plan.Uploads)
        {
            DataSource? previous = upload.Previous.FirstOrDefault();
            ShouldProcess(chatbot, UploadAction(upload));
            DataSourceSyncResult result = Emit(
                upload.IsUpdate ? DataSourceSyncAction.Updated : DataSourceSyncAction.Added,
                upload.File.RelativePath,
                previous,
                upload.IsUpdate ? "content changed: a new version would be uploaded, then the previous one removed" : "new file: it would be uploaded",
                upload.FileName);
            result.PreviousDataSourceUuid = previous?.DataSourceUuid;
        }

        foreach ((LocalFile file, DataSource source) in plan.OlderVersions)
        {
            ShouldProcess(KnownNames.Describe("data source", source.DataSourceUuid), OlderVersionAction(file.RelativePath));
            EmitRemoval(DataSourceSyncAction.Removed, file.RelativePath, source, "an older version of this file: it would be removed");
        }

        foreach ((string path, DataSource source) in plan.Gone)
        {
            if (!Prune)
            {
                Emit(DataSourceSyncAction.Skipped, path, source, "its file is gone; -Prune would remove its source");
                continue;
            }

            ShouldProcess(KnownNames.Describe("data source", source.DataSourceUuid), GoneAction(path));
            EmitRemoval(DataSourceSyncAction.Removed, path, source, "its file is gone: its source would be removed");
        }
    }

    /// <summary>Confirms each upload on the pipeline thread, then sends them ThrottleLimit at a time; results stay with their files.</summary>
    private List<SyncedUpload> Upload(IReadOnlyList<PlannedUpload> planned)
    {
        string chatbot = KnownNames.Describe("chatbot", _chatbot);
        var confirmed = new List<SyncedUpload>();
        foreach (PlannedUpload upload in planned)
        {
            if (ShouldProcess(chatbot, UploadAction(upload)))
            {
                confirmed.Add(new SyncedUpload(upload));
            }
            else
            {
                Emit(DataSourceSyncAction.Skipped, upload.File.RelativePath, upload.Previous.FirstOrDefault(), "not confirmed");
            }
        }

        if (confirmed.Count == 0)
        {
            return confirmed;
        }

        GptTrainerApi api = Api;
        api.Client.AllowParallelRequests(ThrottleLimit);
        CancellationToken token = StopToken;
        string chatbotUuid = _chatbot;
        bool titleFromPath = TitleFromPath;
        int done = 0;
        ShowProgress($"Uploading {confirmed.Count} files", 0, confirmed.Count);

        // Not disposed: on Ctrl+C the pipeline moves on while uploads still unwind and release it.
        var slots = new SemaphoreSlim(ThrottleLimit);
        Task all = Task.WhenAll(confirmed.Select(async upload =>
        {
            await slots.WaitAsync(token).ConfigureAwait(false);
            try
            {
                // A slot freed by a cancelled upload must not start the next one.
                token.ThrowIfCancellationRequested();
                AddedDataSource added = await api.DataSources.UploadAsync(chatbotUuid, upload.Planned.File.FullPath, null, token, upload.Planned.FileName).ConfigureAwait(false);
                upload.Source = added.Source;
                upload.AlreadyThere = added.AlreadyExisted;
                if (titleFromPath && added.Source is DataSource created && !added.AlreadyExisted)
                {
                    await SetTitleAsync(api, upload, created, token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                upload.Error = ex;
            }
            finally
            {
                slots.Release();
                int n = Interlocked.Increment(ref done);
                QueueWrite(() => ShowProgress($"Uploaded {n} of {confirmed.Count}: {upload.Planned.File.RelativePath}", n, confirmed.Count));
            }
        }));
        Await(all);
        return confirmed;
    }

    /// <summary>
    /// -TitleFromPath: the new source is titled by its path. The document is in the chatbot either way, so a
    /// rename that fails is a warning, not a failure that would hold back removals.
    /// </summary>
    private static async Task SetTitleAsync(GptTrainerApi api, SyncedUpload upload, DataSource created, CancellationToken token)
    {
        string path = upload.Planned.File.RelativePath;
        string title = path.Substring(0, path.Length - System.IO.Path.GetExtension(path).Length);
        try
        {
            upload.Source = await api.DataSources.RenameAsync(created.DataSourceUuid, title, created.ChatbotUuid, token).ConfigureAwait(false);
        }
        catch (GptTrainerException ex)
        {
            upload.TitleError = ex;
        }
    }

    /// <summary>
    /// Turns upload answers into outcomes: a failure is an error naming the file; a 409 for this very version is
    /// success (another run got there first); a 409 for a source this sync did not make leaves the file out.
    /// Returns how many failed.
    /// </summary>
    private int CheckUploads(List<SyncedUpload> uploads, string collectionId)
    {
        int failures = 0;
        List<SyncedUpload> unnamed = uploads.Where(u => u.Error is null && u.AlreadyThere && u.Source is null).ToList();
        if (unnamed.Count > 0)
        {
            // A 409 whose body names no source: this version is in the chatbot if the list shows it.
            try
            {
                List<DataSource> listed = Call((api, token) => api.DataSources.ListAsync(_chatbot, token));
                foreach (SyncedUpload upload in unnamed)
                {
                    upload.Source = listed.FirstOrDefault(s => IsVersionOf(s, collectionId, upload.Planned));
                }
            }
            catch (GptTrainerException ex)
            {
                // The uploads' outcomes are still reported below; unchecked, these files count as left out.
                failures++;
                WriteError(ToErrorRecord(ex, _chatbot));
            }
        }

        foreach (SyncedUpload upload in uploads)
        {
            LocalFile file = upload.Planned.File;
            if (upload.Error is not null)
            {
                failures++;
                ErrorRecord record = ToErrorRecord(upload.Error, file.FullPath);
                record.ErrorDetails = new ErrorDetails($"Could not upload {file.RelativePath}, so nothing is removed in this run: {upload.Error.Message}");
                WriteError(record);
                upload.Outcome = Result(DataSourceSyncAction.Failed, file.RelativePath, null, "upload failed: " + upload.Error.Message);
            }
            else if (upload.AlreadyThere && (upload.Source is null || !IsVersionOf(upload.Source, collectionId, upload.Planned)))
            {
                string which = upload.Source is null
                    ? "without saying which source has it"
                    : $"as '{DisplayText.Safe(upload.Source.Title)}' ({upload.Source.DataSourceUuid}), a source this sync did not make";
                string reason = $"the service answered that the chatbot already has this file ({which}); it was not added";
                Warning($"Skipped {file.RelativePath}: {reason}.");
                upload.Source = null;
                upload.Outcome = Result(DataSourceSyncAction.Skipped, file.RelativePath, null, reason);
            }
            else if (upload.Source is not null && upload.Source.FileName is not null && !IsVersionOf(upload.Source, collectionId, upload.Planned))
            {
                // Without its marker the source is not recognised next time, and every run would add the file again.
                failures++;
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"The service stored {file.RelativePath} as '{DisplayText.Safe(upload.Source.FileName)}' ({upload.Source.DataSourceUuid}), in which the sync cannot find the marker it sent ('{upload.Planned.FileName}'); a later sync would not recognise the source and would upload the file again. Nothing is removed in this run."),
                    "SyncMarkerLost",
                    ErrorCategory.InvalidResult,
                    file.FullPath));
                upload.Outcome = Result(DataSourceSyncAction.Failed, file.RelativePath, upload.Source, "the service changed the file name the sync recognises its sources by");
                upload.Source = null;
            }
            else
            {
                if (upload.TitleError is not null)
                {
                    Warning($"{file.RelativePath} was uploaded, but its title could not be set (-TitleFromPath): {upload.TitleError.Message}");
                }

                string reason = upload.Planned.IsUpdate ? "content changed" : "new file";
                upload.Outcome = Result(upload.Planned.IsUpdate ? DataSourceSyncAction.Updated : DataSourceSyncAction.Added, file.RelativePath, upload.Source, upload.AlreadyThere ? reason + "; the service already had this version" : reason, upload.Planned.FileName);
                upload.Outcome.PreviousDataSourceUuid = upload.Planned.Previous.FirstOrDefault()?.DataSourceUuid;
            }
        }

        return failures;
    }

    /// <summary>-Wait: the new versions must be processed before the old ones go, so the chatbot never lacks a document it can answer from.</summary>
    private int WaitForUploads(List<SyncedUpload> uploads)
    {
        List<SyncedUpload> uploaded = uploads.Where(u => u.Source is not null).ToList();
        if (uploaded.Count == 0)
        {
            return 0;
        }

        var byUuid = uploaded.ToDictionary(u => u.Source!.DataSourceUuid, StringComparer.Ordinal);
        int failures = 0;
        List<WaitedDataSource> waits = WaitForProcessing(
            uploaded.Select(u => u.Source!).ToList(),
            TimeSpan.FromSeconds(WaitTimeoutSec),
            nameof(WaitTimeoutSec),
            s => byUuid.TryGetValue(s.DataSourceUuid, out SyncedUpload? u) ? u.Planned.File.FullPath : s,
            s => byUuid.TryGetValue(s.DataSourceUuid, out SyncedUpload? u) ? $"{u.Planned.File.RelativePath} ({s.DataSourceUuid})" : Describe(s));
        foreach (WaitedDataSource wait in waits)
        {
            SyncedUpload upload = byUuid[wait.Source.DataSourceUuid];
            upload.Outcome!.Status = wait.Source.Status;
            upload.Outcome.Title = wait.Source.Title;
            if (wait.Error is not null)
            {
                failures++;
                WriteError(wait.Error);
                upload.Outcome.Action = DataSourceSyncAction.Failed;
                upload.Outcome.Reason = "uploaded, but not processed: " + wait.Error.Exception.Message;
                upload.Source = null;
            }
        }

        return failures;
    }

    /// <summary>
    /// The previous versions of uploaded files, older versions left by an interrupted run, and with -Prune the
    /// sources of deleted files: removed only when nothing in the run failed (the rclone rule), each confirmed,
    /// together in as few requests as the bulk endpoint allows. Then the upload outcomes are written.
    /// </summary>
    private void Remove(SyncPlan plan, List<SyncedUpload> uploads, int failures)
    {
        var removals = new List<Removal>();
        foreach (SyncedUpload upload in uploads.Where(u => u.Source is not null))
        {
            removals.AddRange(upload.Planned.Previous.Select(p => new Removal(upload.Planned.File.RelativePath, p, "Remove the previous version of " + upload.Planned.File.RelativePath, "the previous version", upload)));
        }

        removals.AddRange(plan.OlderVersions.Select(o => new Removal(o.File.RelativePath, o.Source, OlderVersionAction(o.File.RelativePath), "an older version of this file", null)));
        foreach ((string path, DataSource source) in plan.Gone)
        {
            if (Prune)
            {
                removals.Add(new Removal(path, source, GoneAction(path), "its file is gone", null));
            }
            else
            {
                Emit(DataSourceSyncAction.Skipped, path, source, "its file is gone; -Prune removes its source");
            }
        }

        if (failures > 0 && removals.Count > 0)
        {
            string reason = $"not removed: {failures} {(failures == 1 ? "file" : "files")} failed in this run";
            Warning($"Nothing was removed because {failures} {(failures == 1 ? "file" : "files")} failed; a sync that succeeds removes what is due.");
            foreach (Removal removal in removals)
            {
                Skip(removal, reason);
            }
        }
        else
        {
            List<Removal> confirmed = removals.Where(r => ShouldProcess(KnownNames.Describe("data source", r.Source.DataSourceUuid), r.Action) || Skip(r, "not confirmed")).ToList();
            int removed = 0;
            foreach (List<Removal> batch in InBatches(confirmed))
            {
                ShowProgress($"Removing {confirmed.Count} data sources", removed, confirmed.Count);
                RemoveBatch(batch);
                removed += batch.Count;
            }
        }

        foreach (SyncedUpload upload in uploads.Where(u => u.Outcome is not null).OrderBy(u => u.Planned.File.RelativePath, StringComparer.Ordinal))
        {
            Emit(upload.Outcome!);
        }
    }

    private void RemoveBatch(List<Removal> batch)
    {
        try
        {
            if (batch.Count == 1)
            {
                Call((api, token) => api.DataSources.DeleteAsync(batch[0].Source.DataSourceUuid, token));
            }
            else
            {
                Call((api, token) => api.DataSources.DeleteManyAsync(batch.Select(r => r.Source.DataSourceUuid).ToList(), token));
            }
        }
        catch (GptTrainerException ex)
        {
            ErrorRecord record = ToErrorRecord(ex, batch.Select(r => r.Source.DataSourceUuid).ToArray());
            record.ErrorDetails = new ErrorDetails($"Could not remove the sources of {string.Join(", ", batch.Select(r => r.Path))}: {ex.Message}");
            WriteError(record);
            foreach (Removal removal in batch)
            {
                if (removal.For is SyncedUpload upload)
                {
                    upload.Outcome!.Reason += $"; the previous version {removal.Source.DataSourceUuid} could not be removed";
                }
                else
                {
                    EmitRemoval(DataSourceSyncAction.Failed, removal.Path, removal.Source, "removal failed: " + ex.Message);
                }
            }

            return;
        }

        foreach (Removal removal in batch.Where(r => r.For is null))
        {
            EmitRemoval(DataSourceSyncAction.Removed, removal.Path, removal.Source, removal.Why);
        }
    }

    /// <summary>A removal that does not happen: noted on its upload's outcome, or reported on its own. Always false, for use in a filter.</summary>
    private bool Skip(Removal removal, string reason)
    {
        if (removal.For is SyncedUpload upload)
        {
            upload.Outcome!.Reason += $"; previous version {removal.Source.DataSourceUuid} {reason}";
        }
        else
        {
            Emit(DataSourceSyncAction.Skipped, removal.Path, removal.Source, reason);
        }

        return false;
    }

    // What -WhatIf and -Confirm show for each change; the plan and the run must name a change alike.
    private static string UploadAction(PlannedUpload upload)
        => upload.IsUpdate ? $"Upload the new version of {upload.File.RelativePath}, then remove the previous one" : $"Upload {upload.File.RelativePath}";

    private static string OlderVersionAction(string path) => "Remove an older version of " + path;

    private static string GoneAction(string path) => $"Remove (its file {path} is gone)";

    private static bool IsVersionOf(DataSource source, string collectionId, PlannedUpload planned)
        => SyncedName.Parse(source.FileName) is SyncedName name && name.IsVersionOf(collectionId, planned.File.PathId, planned.File.ContentId!);

    private DataSourceSyncResult Result(DataSourceSyncAction action, string path, DataSource? source, string? reason, string? fileName = null) => new()
    {
        Action = action,
        Path = path,
        ChatbotUuid = _chatbot,
        DataSourceUuid = source?.DataSourceUuid,
        Status = source?.Status,
        Title = source?.Title,
        FileName = source?.FileName ?? fileName,
        Reason = reason,
    };

    private DataSourceSyncResult Emit(DataSourceSyncAction action, string path, DataSource? source, string? reason, string? fileName = null)
        => Emit(Result(action, path, source, reason, fileName));

    /// <summary>A removed source has no status left to report.</summary>
    private void EmitRemoval(DataSourceSyncAction action, string path, DataSource source, string reason)
    {
        DataSourceSyncResult result = Result(action, path, source, reason);
        result.Status = null;
        Emit(result);
    }

    private DataSourceSyncResult Emit(DataSourceSyncResult result)
    {
        _counts[result.Action] = (_counts.TryGetValue(result.Action, out int n) ? n : 0) + 1;
        WriteObject(result);
        return result;
    }

    private void ShowProgress(string status, int done, int total)
        => WriteProgress(new ProgressRecord(SyncProgressId, Activity, status) { PercentComplete = total == 0 ? 100 : Math.Min(100, done * 100 / total) });

    /// <summary>The folder to sync, checked before any request: it must be one existing file-system folder.</summary>
    private string Folder(string path)
    {
        string resolved;
        ProviderInfo provider;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException)
        {
            throw new InputException(new ErrorRecord(ex, "FolderNotFound", ErrorCategory.ObjectNotFound, path));
        }

        if (provider.Name != "FileSystem" || File.Exists(resolved))
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

    /// <summary>An upload in flight and what came of it; written by one upload task, then read on the pipeline thread.</summary>
    private sealed class SyncedUpload(PlannedUpload planned)
    {
        public PlannedUpload Planned { get; } = planned;

        /// <summary>The new version, once uploaded and recognised as this sync's; null when there is none to keep.</summary>
        public DataSource? Source { get; set; }

        public bool AlreadyThere { get; set; }

        public Exception? Error { get; set; }

        /// <summary>Why -TitleFromPath could not title the new source.</summary>
        public Exception? TitleError { get; set; }

        public DataSourceSyncResult? Outcome { get; set; }
    }

    /// <summary>A source to remove; <see cref="For"/> is the upload that replaces it, if any.</summary>
    private sealed class Removal(string path, DataSource source, string action, string why, SyncedUpload? replacedBy)
    {
        public string Path { get; } = path;

        public DataSource Source { get; } = source;

        /// <summary>What -Confirm and -WhatIf show.</summary>
        public string Action { get; } = action;

        /// <summary>The Reason of the Removed object.</summary>
        public string Why { get; } = why;

        public SyncedUpload? For { get; } = replacedBy;
    }
}
