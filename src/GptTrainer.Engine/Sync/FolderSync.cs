using GptTrainer.Operations;

namespace GptTrainer.Sync;

/// <summary>
/// Makes a chatbot's knowledge equal to a folder (Sync-GptTrainerDataSource): uploads new files, replaces
/// changed ones, and with -Prune removes the sources of deleted ones, touching only the sources it made itself
/// for that folder. A run reads the folder and the chatbot's list once, plans, uploads (in parallel), waits for
/// processing if asked, and only then removes.
/// </summary>
/// <remarks>
/// What a run removes, it removes only when every rule allows it, because a removed source is knowledge the
/// chatbot no longer has: never a source still processing (another run may be waiting on it); an older
/// version of a file only once the version matching the file has been processed (so a new version that fails
/// never costs the last one that works); the source of a deleted file only with -Prune; nothing at all when
/// anything in the run failed; and nothing when there would be more removals than -MaximumDelete.
/// </remarks>
internal sealed class FolderSync(GptTrainerApi api, IOperationHost host, SyncOptions options)
{
    private const int ProgressId = 6;
    private const string Activity = "Syncing data sources";

    private readonly Dictionary<DataSourceSyncAction, int> _counts = new();
    private int _failures;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string collectionId = SyncedName.CollectionIdOf(options.Collection);
        host.Verbose($"Syncing {options.Root} as collection '{options.Collection}' to chatbot {options.ChatbotUuid}.");
        FolderScan scan = await Task.Run(() => FolderScan.Run(options.Root, options.Recurse, options.Filter, options.MaximumFileBytes, ShowScanProgress, cancellationToken), cancellationToken).ConfigureAwait(false);
        List<DataSource> sources = await api.DataSources.ListAsync(options.ChatbotUuid, cancellationToken).ConfigureAwait(false);
        SyncPlan plan = SyncPlan.Create(collectionId, scan.Files, sources);
        RefuseTooManyRemovals(plan);
        ReportLocal(scan, plan);
        if (host.WhatIf)
        {
            await DescribePlanAsync(plan).ConfigureAwait(false);
            Summarize(planned: true);
            return;
        }

        List<SyncedUpload> uploads = await UploadAsync(plan.Uploads, cancellationToken).ConfigureAwait(false);
        await CheckUploadsAsync(uploads, collectionId, cancellationToken).ConfigureAwait(false);
        Dictionary<string, DataSource> current = plan.Unchanged.ToDictionary(u => u.File.PathId, u => u.Source, StringComparer.Ordinal);
        if (options.Wait)
        {
            await WaitAsync(plan, uploads, current, cancellationToken).ConfigureAwait(false);
        }

        await RemoveAsync(Removals(plan, uploads, current), cancellationToken).ConfigureAwait(false);
        foreach (SyncedUpload upload in uploads.Where(u => u.Outcome is not null).OrderBy(u => u.Planned.File.RelativePath, StringComparer.Ordinal))
        {
            Emit(upload.Outcome!);
        }

        Summarize(planned: false);
    }

    /// <summary>Every removal the run could make counts, older versions included; over the limit, nothing is changed.</summary>
    private void RefuseTooManyRemovals(SyncPlan plan)
    {
        int older = plan.OlderVersions.Count(o => IsSettled(o.Source) && !IsFailed(CurrentOf(plan, o.File)));
        int previous = plan.Uploads.Sum(u => u.Previous.Count(IsSettled));
        int gone = options.Prune ? plan.Gone.Count(g => IsSettled(g.Source)) : 0;
        int total = older + previous + gone;
        if (total <= options.MaximumDelete)
        {
            return;
        }

        var kinds = new List<string>();
        if (gone > 0) kinds.Add($"{gone} whose files are gone");
        if (previous > 0) kinds.Add($"{previous} previous versions of changed files");
        if (older > 0) kinds.Add($"{older} older versions of unchanged files");
        throw new OperationRefusedException(
            "TooManyRemovals",
            ErrorKind.LimitsExceeded,
            $"The sync would remove {total} data sources ({string.Join(", ", kinds)}) from {options.Root}, more than -MaximumDelete allows ({options.MaximumDelete}). Nothing was changed. "
            + $"If that is intended, run it again with -MaximumDelete {total} (with -WhatIf first to see the list); if not, check -Path, -Collection and the folder.");
    }

    /// <summary>Reports what needs no request: unreadable folders and files, skipped, colliding and unchanged files.</summary>
    private void ReportLocal(FolderScan scan, SyncPlan plan)
    {
        foreach ((string folder, Exception error) in scan.UnreadableFolders)
        {
            Fail(new OperationError(error, "FolderNotReadable", ErrorKind.ReadError, Path.Combine(options.Root, folder),
                $"Could not list the folder '{(folder.Length == 0 ? "." : folder)}', so nothing is removed in this run: {error.Message}"));
        }

        foreach ((LocalFile file, LocalFile same) in plan.Collisions.Where(c => c.File.Selected || c.SameIdentity.Selected))
        {
            string message = $"'{file.RelativePath}' and '{same.RelativePath}' are different files whose names differ only in how their characters are encoded (Unicode normalization, such as é as one character or as e and an accent). "
                + "The sync reads such names as one, so that every computer agrees on them, and the service could not tell the two apart: rename one of them. Neither is synced, and nothing is removed in this run.";
            Fail(new OperationError(new InvalidOperationException(message), "PathCollision", ErrorKind.InvalidData, file.FullPath));
            foreach (LocalFile colliding in new[] { file, same }.Where(f => f.Selected))
            {
                Emit(DataSourceSyncAction.Failed, colliding.RelativePath, null, $"its name is the same as '{(colliding == file ? same : file).RelativePath}' for the service (Unicode normalization); neither is synced");
            }
        }

        foreach (LocalFile file in scan.Files.Where(f => f.Selected))
        {
            if (file.SkipReason is not null)
            {
                string kept = plan.KeptFiles.Contains(file) ? "; the version synced before stays in the chatbot" : string.Empty;
                host.Warning($"Skipped {file.RelativePath}: {file.SkipReason}{kept}.");
                Emit(DataSourceSyncAction.Skipped, file.RelativePath, null, file.SkipReason + kept);
            }
            else if (file.ReadError is not null)
            {
                Fail(new OperationError(file.ReadError, "FileNotReadable", ErrorKind.ReadError, file.FullPath,
                    $"Could not read {file.RelativePath}, so nothing is removed in this run: {file.ReadError.Message}"));
                Emit(DataSourceSyncAction.Failed, file.RelativePath, null, "could not be read: " + file.ReadError.Message);
            }
        }

        foreach ((LocalFile file, DataSource source) in plan.Unchanged)
        {
            // With -Wait, a version that failed to process is a failure like an upload that did, reported once it is certain.
            if (IsFailed(source) && !options.Wait)
            {
                host.Warning($"{file.RelativePath} is unchanged, but the chatbot could not process it (status '{DisplayText.Safe(source.Status)}'): {DataSourceStatuses.Explain(source.Status)}.");
            }

            if (!(options.Wait && !host.WhatIf && !IsSucceeded(source)))
            {
                Emit(DataSourceSyncAction.Unchanged, file.RelativePath, source, null);
            }
        }
    }

    /// <summary>-WhatIf: every change the run would make, as the results it would write, and not one request that writes.</summary>
    private async Task DescribePlanAsync(SyncPlan plan)
    {
        foreach (PlannedUpload upload in plan.Uploads)
        {
            DataSource? previous = upload.Previous.FirstOrDefault();
            await host.ConfirmAsync(options.ChatbotDescription, UploadAction(upload)).ConfigureAwait(false);
            DataSourceSyncResult result = Emit(
                upload.IsUpdate ? DataSourceSyncAction.Updated : DataSourceSyncAction.Added,
                upload.File.RelativePath,
                previous,
                upload.IsUpdate ? "content changed: a new version would be uploaded, and the previous one removed once the new one is processed" : "new file: it would be uploaded",
                upload.FileName);
            result.PreviousDataSourceUuid = previous?.DataSourceUuid;
            result.Title = TitleOf(upload.File);
        }

        var current = plan.Unchanged.ToDictionary(u => u.File.PathId, u => u.Source, StringComparer.Ordinal);
        foreach ((SyncRemoval removal, string? kept) in Removals(plan, new List<SyncedUpload>(), current))
        {
            if (kept is not null)
            {
                Skip(removal, kept);
                continue;
            }

            await host.ConfirmAsync(Describe(removal.Source), removal.Action).ConfigureAwait(false);
            EmitRemoval(DataSourceSyncAction.Removed, removal.Path, removal.Source, removal.Why + ": it would be removed");
        }
    }

    /// <summary>Confirms each upload, then sends them ThrottleLimit at a time; results stay with their files.</summary>
    private async Task<List<SyncedUpload>> UploadAsync(IReadOnlyList<PlannedUpload> planned, CancellationToken cancellationToken)
    {
        var confirmed = new List<SyncedUpload>();
        foreach (PlannedUpload upload in planned)
        {
            if (await host.ConfirmAsync(options.ChatbotDescription, UploadAction(upload)).ConfigureAwait(false))
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

        api.Client.AllowParallelRequests(options.ThrottleLimit);
        int done = 0;
        ShowProgress($"Uploading {confirmed.Count} files", 0, confirmed.Count);

        // Not disposed: on Ctrl+C the caller moves on while uploads still unwind and release it.
        var slots = new SemaphoreSlim(options.ThrottleLimit);
        await Task.WhenAll(confirmed.Select(async upload =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A slot freed by a cancelled upload must not start the next one.
                cancellationToken.ThrowIfCancellationRequested();
                AddedDataSource added = await api.DataSources.UploadAsync(options.ChatbotUuid, upload.Planned.File.FullPath, null, cancellationToken, upload.Planned.FileName).ConfigureAwait(false);
                upload.Source = added.Source;
                upload.AlreadyThere = added.AlreadyExisted;
                if (added.Source is DataSource created && !added.AlreadyExisted)
                {
                    await SetTitleAsync(upload, created, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                upload.Error = ex;
            }
            finally
            {
                slots.Release();
                int n = Interlocked.Increment(ref done);
                ShowProgress($"Uploaded {n} of {confirmed.Count}: {upload.Planned.File.RelativePath}", n, confirmed.Count);
            }
        })).ConfigureAwait(false);
        return confirmed;
    }

    /// <summary>
    /// The title end users see in citations: the service titles an upload by the file name it stores, which here
    /// carries the sync's marker. The document is in the chatbot either way, so a rename that fails is a
    /// warning, not a failure that would hold back removals.
    /// </summary>
    private async Task SetTitleAsync(SyncedUpload upload, DataSource created, CancellationToken cancellationToken)
    {
        try
        {
            upload.Source = await api.DataSources.RenameAsync(created.DataSourceUuid, TitleOf(upload.Planned.File), created.ChatbotUuid, cancellationToken).ConfigureAwait(false);
        }
        catch (GptTrainerException ex)
        {
            upload.TitleError = ex;
        }
    }

    /// <summary>The file's name without its extension (laptops), or with -TitleFromPath its path (guides/laptops).</summary>
    private string TitleOf(LocalFile file)
    {
        string path = options.TitleFromPath ? file.RelativePath : file.RelativePath.Substring(file.RelativePath.LastIndexOf('/') + 1);
        string title = path.Substring(0, path.Length - Path.GetExtension(path).Length);
        return title.Length > 0 ? title : path;
    }

    /// <summary>
    /// Turns upload answers into outcomes: a failure is an error naming the file; a 409 for this very version is
    /// success (another run got there first); a 409 for a source this sync did not make leaves the file out.
    /// </summary>
    private async Task CheckUploadsAsync(List<SyncedUpload> uploads, string collectionId, CancellationToken cancellationToken)
    {
        List<SyncedUpload> unnamed = uploads.Where(u => u.Error is null && u.AlreadyThere && u.Source is null).ToList();
        if (unnamed.Count > 0)
        {
            // A 409 whose body names no source: this version is in the chatbot if the list shows it.
            try
            {
                List<DataSource> listed = await api.DataSources.ListAsync(options.ChatbotUuid, cancellationToken).ConfigureAwait(false);
                foreach (SyncedUpload upload in unnamed)
                {
                    upload.Source = listed.FirstOrDefault(s => IsVersionOf(s, collectionId, upload.Planned));
                }
            }
            catch (GptTrainerException ex)
            {
                // The uploads' outcomes are still reported below; unchecked, these files count as left out.
                Fail(OperationError.From(ex, options.ChatbotUuid));
            }
        }

        foreach (SyncedUpload upload in uploads)
        {
            LocalFile file = upload.Planned.File;
            if (upload.Error is not null)
            {
                Fail(OperationError.From(upload.Error, file.FullPath, $"Could not upload {file.RelativePath}, so nothing is removed in this run: {upload.Error.Message}"));
                upload.Outcome = Result(DataSourceSyncAction.Failed, file.RelativePath, null, "upload failed: " + upload.Error.Message);
            }
            else if (upload.AlreadyThere && (upload.Source is null || !IsVersionOf(upload.Source, collectionId, upload.Planned)))
            {
                string which = upload.Source is null
                    ? "without saying which source has it"
                    : $"as '{DisplayText.Safe(upload.Source.Title)}' ({upload.Source.DataSourceUuid}), a source this sync did not make";
                string reason = $"the service answered that the chatbot already has this file ({which}); it was not added";
                host.Warning($"Skipped {file.RelativePath}: {reason}.");
                upload.Source = null;
                upload.Outcome = Result(DataSourceSyncAction.Skipped, file.RelativePath, null, reason);
            }
            else if (upload.Source is not null && upload.Source.FileName is not null && !IsVersionOf(upload.Source, collectionId, upload.Planned))
            {
                // Without its marker the source is not recognised next time, and every run would add the file again.
                Fail(new OperationError(
                    new InvalidOperationException($"The service stored {file.RelativePath} as '{DisplayText.Safe(upload.Source.FileName)}' ({upload.Source.DataSourceUuid}), in which the sync cannot find the marker it sent ('{upload.Planned.FileName}'); a later sync would not recognise the source and would upload the file again. Nothing is removed in this run."),
                    "SyncMarkerLost",
                    ErrorKind.InvalidResult,
                    file.FullPath));
                upload.Outcome = Result(DataSourceSyncAction.Failed, file.RelativePath, upload.Source, "the service changed the file name the sync recognises its sources by");
                upload.Source = null;
            }
            else
            {
                if (upload.TitleError is not null)
                {
                    host.Warning($"{file.RelativePath} was uploaded, but its title could not be set: {upload.TitleError.Message}");
                }

                string reason = upload.Planned.IsUpdate ? "content changed" : "new file";
                upload.Outcome = Result(upload.Planned.IsUpdate ? DataSourceSyncAction.Updated : DataSourceSyncAction.Added, file.RelativePath, upload.Source, upload.AlreadyThere ? reason + "; the service already had this version" : reason, upload.Planned.FileName);
                upload.Outcome.PreviousDataSourceUuid = upload.Planned.Previous.FirstOrDefault()?.DataSourceUuid;
            }
        }
    }

    /// <summary>
    /// -Wait: the current version of every file must be processed before older ones may go, so the run waits for
    /// the new uploads and for current versions a run before left still processing.
    /// </summary>
    private async Task WaitAsync(SyncPlan plan, List<SyncedUpload> uploads, Dictionary<string, DataSource> current, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<string, (string Path, string FullPath, SyncedUpload? Upload)>(StringComparer.Ordinal);
        foreach (SyncedUpload upload in uploads.Where(u => u.Source is not null))
        {
            targets[upload.Source!.DataSourceUuid] = (upload.Planned.File.RelativePath, upload.Planned.File.FullPath, upload);
        }

        foreach ((LocalFile file, DataSource source) in plan.Unchanged.Where(u => !IsSucceeded(u.Source)))
        {
            targets[source.DataSourceUuid] = (file.RelativePath, file.FullPath, null);
        }

        var waited = uploads.Where(u => u.Source is not null).Select(u => u.Source!)
            .Concat(plan.Unchanged.Where(u => !IsSucceeded(u.Source)).Select(u => u.Source))
            .ToList();
        if (waited.Count == 0)
        {
            return;
        }

        List<WaitedDataSource> waits = await new ProcessingWait(api, host).RunAsync(
            waited,
            options.WaitTimeout,
            "WaitTimeoutSec",
            s => targets[s.DataSourceUuid].FullPath,
            s => $"{targets[s.DataSourceUuid].Path} ({s.DataSourceUuid})",
            cancellationToken).ConfigureAwait(false);
        foreach (WaitedDataSource wait in waits)
        {
            (string path, _, SyncedUpload? upload) = targets[wait.Source.DataSourceUuid];
            if (upload is null)
            {
                // A current version from before this run: reported now that its processing is known.
                LocalFile file = plan.Unchanged.First(u => u.Source.DataSourceUuid == wait.Source.DataSourceUuid).File;
                current[file.PathId] = wait.Source;
                DataSourceSyncResult unchanged = Emit(wait.Error is null ? DataSourceSyncAction.Unchanged : DataSourceSyncAction.Failed, path, wait.Source,
                    wait.Error is null ? null : "unchanged, but not processed: " + wait.Error.Exception.Message);
                if (wait.Error is not null)
                {
                    Fail(wait.Error);
                }

                continue;
            }

            upload.Source = wait.Source;
            upload.Outcome!.Status = wait.Source.Status;
            upload.Outcome.Title = wait.Source.Title;
            if (wait.Error is not null)
            {
                Fail(wait.Error);
                upload.Outcome.Action = DataSourceSyncAction.Failed;
                upload.Outcome.Reason = "uploaded, but not processed: " + wait.Error.Exception.Message;
                upload.Source = null;
            }
        }
    }

    /// <summary>
    /// Every source the run may remove, each with why it is kept instead where a rule says so: the previous
    /// versions of uploaded files, older versions of unchanged ones, and with -Prune the sources of deleted files.
    /// </summary>
    private List<(SyncRemoval Removal, string? KeptBecause)> Removals(SyncPlan plan, List<SyncedUpload> uploads, Dictionary<string, DataSource> current)
    {
        var removals = new List<(SyncRemoval, string?)>();
        foreach (SyncedUpload upload in uploads.Where(u => u.Outcome is not null))
        {
            string path = upload.Planned.File.RelativePath;
            foreach (DataSource previous in upload.Planned.Previous)
            {
                var removal = new SyncRemoval(path, previous, "Remove the previous version of " + path, "the previous version", upload);
                removals.Add((removal, upload.Source is null ? "kept: the new version is not in the chatbot" : KeptBecause(previous, upload.Source, "new")));
            }
        }

        foreach ((LocalFile file, DataSource older) in plan.OlderVersions)
        {
            var removal = new SyncRemoval(file.RelativePath, older, "Remove an older version of " + file.RelativePath, "an older version of this file", null);
            removals.Add((removal, KeptBecause(older, current.TryGetValue(file.PathId, out DataSource? now) ? now : null, "current")));
        }

        foreach ((string path, DataSource source) in plan.Gone)
        {
            var removal = new SyncRemoval(path, source, $"Remove (its file {path} is gone)", "its file is gone", null);
            removals.Add((removal, !options.Prune ? "-Prune removes its source" : !IsSettled(source) ? StillProcessing(source) : null));
        }

        return removals;
    }

    /// <summary>Why an older version stays, or null when it may go: the version that replaces it must be processed, and it must not be still processing itself.</summary>
    private static string? KeptBecause(DataSource older, DataSource? replacement, string which)
    {
        if (!IsSettled(older))
        {
            return StillProcessing(older);
        }

        if (replacement is null || IsSucceeded(replacement))
        {
            return null;
        }

        return IsFailed(replacement)
            ? $"kept: the {which} version ({replacement.DataSourceUuid}) could not be processed (status '{DisplayText.Safe(replacement.Status)}'), so this one goes on answering"
            : $"kept until the {which} version ({replacement.DataSourceUuid}) is processed (status '{DisplayText.Safe(replacement.Status)}'); a later run, or one with -Wait, removes it";
    }

    private static string StillProcessing(DataSource source)
        => $"kept: still processing (status '{DisplayText.Safe(source.Status)}'), and another sync may be waiting for it; a later run removes it";

    /// <summary>Removes what the rules allow, only when nothing in the run failed (the rclone rule), each confirmed, in as few requests as the bulk endpoint allows.</summary>
    private async Task RemoveAsync(List<(SyncRemoval Removal, string? KeptBecause)> removals, CancellationToken cancellationToken)
    {
        foreach ((SyncRemoval removal, string? kept) in removals.Where(r => r.KeptBecause is not null))
        {
            Skip(removal, kept!);
        }

        List<SyncRemoval> allowed = removals.Where(r => r.KeptBecause is null).Select(r => r.Removal).ToList();
        if (_failures > 0 && allowed.Count > 0)
        {
            string reason = $"not removed: {_failures} {(_failures == 1 ? "file" : "files")} failed in this run";
            host.Warning($"Nothing was removed because {_failures} {(_failures == 1 ? "file" : "files")} failed; a sync that succeeds removes what is due.");
            foreach (SyncRemoval removal in allowed)
            {
                Skip(removal, reason);
            }

            return;
        }

        var confirmed = new List<SyncRemoval>();
        foreach (SyncRemoval removal in allowed)
        {
            if (await host.ConfirmAsync(Describe(removal.Source), removal.Action).ConfigureAwait(false))
            {
                confirmed.Add(removal);
            }
            else
            {
                Skip(removal, "not confirmed");
            }
        }

        int removed = 0;
        foreach (List<SyncRemoval> batch in Batches.Of(confirmed))
        {
            ShowProgress($"Removing {confirmed.Count} data sources", removed, confirmed.Count);
            await RemoveBatchAsync(batch, confirmed.Count == 1, cancellationToken).ConfigureAwait(false);
            removed += batch.Count;
        }
    }

    private async Task RemoveBatchAsync(List<SyncRemoval> batch, bool alone, CancellationToken cancellationToken)
    {
        try
        {
            await Batches.DeleteAsync(batch.Select(r => r.Source.DataSourceUuid).ToList(), alone, api.DataSources.DeleteAsync, api.DataSources.DeleteManyAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (GptTrainerApiException ex) when (alone && ex.StatusCode == 404)
        {
            // Gone already: another run of the same folder removed it first, which is what this one wanted.
            host.Verbose($"{Describe(batch[0].Source)} was already removed.");
        }
        catch (GptTrainerException ex)
        {
            Fail(OperationError.From(ex, batch.Select(r => r.Source.DataSourceUuid).ToArray(), $"Could not remove the sources of {string.Join(", ", batch.Select(r => r.Path))}: {ex.Message}"));
            foreach (SyncRemoval removal in batch)
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

        foreach (SyncRemoval removal in batch.Where(r => r.For is null))
        {
            EmitRemoval(DataSourceSyncAction.Removed, removal.Path, removal.Source, removal.Why);
        }
    }

    /// <summary>A removal that does not happen: noted on its upload's outcome, or reported on its own.</summary>
    private void Skip(SyncRemoval removal, string reason)
    {
        if (removal.For is SyncedUpload upload)
        {
            upload.Outcome!.Reason += $"; previous version {removal.Source.DataSourceUuid} {reason}";
        }
        else
        {
            Emit(DataSourceSyncAction.Skipped, removal.Path, removal.Source, removal.Why + "; " + reason);
        }
    }

    /// <summary>A user who sees only the progress bar and the table still needs the counts, and CI logs need one line to grep.</summary>
    private void Summarize(bool planned)
    {
        int Count(DataSourceSyncAction action) => _counts.TryGetValue(action, out int n) ? n : 0;
        string text = planned
            ? $"What if: syncing {options.Root} to chatbot {options.ChatbotUuid} would add {Count(DataSourceSyncAction.Added)}, update {Count(DataSourceSyncAction.Updated)} and remove {Count(DataSourceSyncAction.Removed)}; {Count(DataSourceSyncAction.Unchanged)} unchanged, {Count(DataSourceSyncAction.Skipped)} skipped."
            : $"Synced {options.Root} to chatbot {options.ChatbotUuid}: {Count(DataSourceSyncAction.Added)} added, {Count(DataSourceSyncAction.Updated)} updated, {Count(DataSourceSyncAction.Removed)} removed, {Count(DataSourceSyncAction.Unchanged)} unchanged, {Count(DataSourceSyncAction.Skipped)} skipped, {Count(DataSourceSyncAction.Failed)} failed.";
        host.Progress(new ProgressReport(ProgressId, Activity, "Done", Completed: true));
        host.Information(text, "GptTrainerSyncSummary");
    }

    private void Fail(OperationError error)
    {
        _failures++;
        host.Error(error);
    }

    private void ShowScanProgress(int done, int total)
    {
        if (done % 50 == 0 || done == total)
        {
            ShowProgress($"Reading files: {done} of {total}", done, total);
        }
    }

    private void ShowProgress(string status, int done, int total)
        => host.Progress(new ProgressReport(ProgressId, Activity, status, total == 0 ? 100 : Math.Min(100, done * 100 / total)));

    private static string UploadAction(PlannedUpload upload)
        => upload.IsUpdate ? $"Upload the new version of {upload.File.RelativePath}, then remove the previous one once the new one is processed" : $"Upload {upload.File.RelativePath}";

    private static string Describe(DataSource source) => DisplayText.Item("data source", source.DataSourceUuid, source.Title);

    private static DataSource? CurrentOf(SyncPlan plan, LocalFile file) => plan.Unchanged.FirstOrDefault(u => u.File == file).Source;

    private static bool IsSucceeded(DataSource? source) => DataSourceStatuses.IsSucceeded(source?.Status);

    private static bool IsFailed(DataSource? source) => DataSourceStatuses.IsFailed(source?.Status);

    /// <summary>Processed or failed: no run is still waiting for it.</summary>
    private static bool IsSettled(DataSource source) => IsSucceeded(source) || IsFailed(source);

    private static bool IsVersionOf(DataSource source, string collectionId, PlannedUpload planned)
        => SyncedName.Parse(source.FileName) is SyncedName name && name.IsVersionOf(collectionId, planned.File.PathId, planned.File.ContentId!);

    private DataSourceSyncResult Result(DataSourceSyncAction action, string path, DataSource? source, string? reason, string? fileName = null) => new()
    {
        Action = action,
        Path = path,
        ChatbotUuid = options.ChatbotUuid,
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
        host.Output(result);
        return result;
    }
}
