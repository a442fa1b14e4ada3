using GptTrainer.Operations;
using GptTrainer.Sync;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// Uploaded files of an import: the API cannot download a file, so they are uploaded again from the folder
/// given as -SourcePath, where each is looked for under the name the export lists it by (its path in the
/// synced folder, or its file name). The uploading is Sync-GptTrainerDataSource's own run, restricted to those
/// files, so the same rules hold: the same identity in the stored name, the same checks of type and size,
/// and a second import finds the files it uploaded and sends nothing.
/// </summary>
internal sealed class FileImport(GptTrainerApi api, IOperationHost host, ImportOptions options, string chatbotUuid)
{
    /// <summary>Uploads what it can, sets titles, and returns the number of failures.</summary>
    public async Task<int> RunAsync(List<ImportStep> steps, ImportWrites writes, CancellationToken cancellationToken)
    {
        string root = options.SourcePath!;
        var present = new List<ImportStep>();
        foreach (ImportStep step in steps)
        {
            string relative = step.Item.Name;
            if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
            {
                step.Outcome = ChatbotImportOutcome.NotCopied;
                step.Reason = "its name is not a path inside -SourcePath";
            }
            else if (!File.Exists(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar))))
            {
                step.Outcome = ChatbotImportOutcome.NotCopied;
                step.Reason = $"not found in -SourcePath as {relative}";
            }
            else
            {
                present.Add(step);
            }
        }

        if (present.Count == 0)
        {
            return 0;
        }

        var syncHost = new SyncResultsHost(host);
        var sync = new SyncOptions
        {
            ChatbotUuid = chatbotUuid,
            ChatbotDescription = options.TargetDescription,
            Root = root,
            Collection = Path.GetFileName(root) is { Length: > 0 } name ? name : root,
            Filter = new PathFilter(present.Select(s => "/" + Literal(s.Item.Name)), null),
            Recurse = true,
            ThrottleLimit = options.ThrottleLimit,
        };
        try
        {
            await new FolderSync(api, syncHost, sync).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationRefusedException ex)
        {
            host.Error(OperationError.From(ex, root));
            foreach (ImportStep step in present)
            {
                step.Outcome = ChatbotImportOutcome.Failed;
                step.Reason = ex.Message;
            }

            return present.Count;
        }

        List<DataSource> listed = await api.DataSources.ListAsync(chatbotUuid, cancellationToken).ConfigureAwait(false);
        foreach (ImportStep step in present)
        {
            DataSourceSyncResult? result = syncHost.Results.FirstOrDefault(r => r.Path == step.Item.Name && r.Action != DataSourceSyncAction.Removed)
                ?? syncHost.Results.FirstOrDefault(r => string.Equals(r.Path, step.Item.Name, StringComparison.OrdinalIgnoreCase) && r.Action != DataSourceSyncAction.Removed);
            await Settle(step, result, listed, writes, cancellationToken).ConfigureAwait(false);
        }

        return syncHost.Errors;
    }

    private async Task Settle(ImportStep step, DataSourceSyncResult? result, List<DataSource> listed, ImportWrites writes, CancellationToken cancellationToken)
    {
        switch (result?.Action)
        {
            case DataSourceSyncAction.Added or DataSourceSyncAction.Updated or DataSourceSyncAction.Unchanged when result.DataSourceUuid is string uuid:
                step.Uuid = uuid;
                writes.LearnSource(step.Item.Reference, uuid);
                try
                {
                    await writes.TitleAsync(step, listed.FirstOrDefault(s => s.DataSourceUuid == uuid), cancellationToken).ConfigureAwait(false);
                    step.Outcome = ChatbotImportOutcome.Done;
                }
                catch (GptTrainerException ex)
                {
                    // The file is in; only its title is not. A warning, as the sync itself treats a title.
                    host.Warning($"{DisplayText.Safe(step.Item.Display)} was uploaded, but its title could not be set: {ex.Message}");
                    step.Outcome = ChatbotImportOutcome.Done;
                    step.Reason = "uploaded; its title could not be set";
                }

                break;
            case DataSourceSyncAction.Failed:
                step.Outcome = ChatbotImportOutcome.Failed;
                step.Reason = result.Reason;
                break;
            case DataSourceSyncAction.Skipped:
                step.Outcome = result.Reason == "not confirmed" ? ChatbotImportOutcome.Skipped : ChatbotImportOutcome.NotCopied;
                step.Reason = result.Reason;
                break;
            default:
                step.Outcome = ChatbotImportOutcome.NotCopied;
                step.Reason = "the sync of -SourcePath did not take it";
                break;
        }
    }

    /// <summary>A path as a wildcard pattern that matches it alone.</summary>
    private static string Literal(string path)
    {
        var pattern = new StringBuilder(path.Length + 8);
        foreach (char c in path)
        {
            if (c is '*' or '?' or '[' or ']' or '`')
            {
                pattern.Append('`');
            }

            pattern.Append(c);
        }

        return pattern.ToString();
    }
}
