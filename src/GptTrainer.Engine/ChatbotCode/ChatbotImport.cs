using GptTrainer.Operations;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// Makes a chatbot look like a <see cref="ChatbotDocument"/> (Import- and Copy-GptTrainerChatbot): reads the
/// target, compares, plans, and then creates what is missing and changes what differs, removing only with
/// -Mode Mirror (or into a new chatbot). A run reports every step as an object: done, failed, not done, not
/// copied or, with -WhatIf, planned.
/// </summary>
/// <remarks>
/// Everything that can be refused is refused before the first write: an invalid folder or an unset secret
/// (by the caller), and a target that changed since the files were exported from it. After a failure the run
/// makes no further change, so what it reports as done and not done stays easy to reason about, and a run
/// after the cause is fixed takes up the rest; nothing is ever removed in a run that had a failure.
/// </remarks>
internal sealed class ChatbotImport(GptTrainerApi api, IOperationHost host, ImportOptions options)
{
    private const int ProgressId = 8;
    private const string Activity = "Importing a chatbot";
    private const string DefaultAgent = "General Q&A";
    private readonly Dictionary<(ChatbotImportAction, ChatbotImportOutcome), int> _counts = new();
    private string? _chatbot;
    private int _failures;
    private int _done;
    private int _total;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ChatbotDocument target;
        string? reusable = null;
        if (options.NewName is string name)
        {
            if (await CreateChatbotAsync(name, cancellationToken).ConfigureAwait(false) is not ChatbotDocument created)
            {
                return;
            }

            target = created;

            // The service gives a new chatbot an agent of its own; it stands for the first user-facing agent of the files.
            reusable = target.Agents.FirstOrDefault(a => a.Kind == "user-facing")?.Uuid;
        }
        else
        {
            _chatbot = options.ChatbotUuid;
            target = await LiveReader.ReadAsync(api, _chatbot!, SecretHandling.Included, cancellationToken).ConfigureAwait(false);
        }

        var comparison = DocumentComparison.Of(options.Source, target, reusable);
        var plan = ImportPlan.Create(comparison, options.Mirror || options.NewName is not null, options.SourcePath is not null);
        if (options.NewName is null && !options.Force && plan.HasWrites && options.Source.Origin is ExportOrigin origin && origin.ChatbotUuid == _chatbot)
        {
            ChangedSince.Check(origin, target, options.From);
        }

        _total = plan.All.Count();
        if (host.WhatIf)
        {
            foreach (ImportStep step in plan.All)
            {
                if (step.Outcome is null)
                {
                    await host.ConfirmAsync(options.TargetDescription, step.Description).ConfigureAwait(false);
                    step.Outcome = ChatbotImportOutcome.Planned;
                }

                Emit(step);
            }
        }
        else
        {
            await ApplyAsync(plan, comparison, target, cancellationToken).ConfigureAwait(false);
        }

        Summarize();
    }

    /// <summary>Creates the chatbot with the files' settings, or under -WhatIf stands in for it; null when not confirmed.</summary>
    private async Task<ChatbotDocument?> CreateChatbotAsync(string name, CancellationToken cancellationToken)
    {
        var step = new ImportStep(ChatbotImportAction.Create, new ItemComparison(new CodeItem(ChatbotItemType.Chatbot, string.Empty, name), null));
        ChatbotSettings settings = ImportWrites.Settings(options.Source.Settings, options.Source.Settings.Properties.Keys);
        settings.Name = name;
        if (host.WhatIf)
        {
            await host.ConfirmAsync($"chatbot '{name}'", "Create the chatbot").ConfigureAwait(false);
            step.Outcome = ChatbotImportOutcome.Planned;
            Emit(step);
            return NewChatbot(name);
        }

        if (!await host.ConfirmAsync($"chatbot '{name}'", "Create the chatbot").ConfigureAwait(false))
        {
            step.Outcome = ChatbotImportOutcome.Skipped;
            Emit(step);
            return null;
        }

        Chatbot created = await api.Chatbots.CreateAsync(settings, cancellationToken).ConfigureAwait(false);
        _chatbot = step.Uuid = created.ChatbotUuid;
        step.Outcome = ChatbotImportOutcome.Done;
        Emit(step);
        return await LiveReader.ReadAsync(api, created.ChatbotUuid, SecretHandling.Included, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What -WhatIf plans against: a chatbot with the files' settings and the agent the service gives every new chatbot.</summary>
    private ChatbotDocument NewChatbot(string name)
    {
        var document = new ChatbotDocument { ChatbotName = name };
        foreach (KeyValuePair<string, object?> setting in options.Source.Settings.Properties)
        {
            document.Settings.Properties[setting.Key] = setting.Value;
        }

        var agent = new CodeItem(ChatbotItemType.Agent, "user-facing", DefaultAgent) { Uuid = "(new)" };
        agent.Properties["name"] = DefaultAgent;
        agent.Properties["enabled"] = true;
        agent.Properties["use_all_sources"] = true;
        agent.Properties["data_sources"] = new List<object?>();
        agent.Properties["variables"] = new List<object?>();
        document.Agents.Add(agent);
        return document;
    }

    private async Task ApplyAsync(ImportPlan plan, DocumentComparison comparison, ChatbotDocument target, CancellationToken cancellationToken)
    {
        var writes = new ImportWrites(api, _chatbot!, target);
        writes.Learn(comparison);
        foreach (ImportStep step in plan.NotCopied)
        {
            Emit(step);
        }

        if (plan.Files.Count > 0)
        {
            Interlocked.Add(ref _failures, await new FileImport(api, host, options, _chatbot!).RunAsync(plan.Files, writes, cancellationToken).ConfigureAwait(false));
            plan.Files.ForEach(Emit);
        }

        await CreateSourcesAsync(plan.Sources, writes, cancellationToken).ConfigureAwait(false);
        foreach (ImportStep step in plan.Titles)
        {
            await RunAsync(step, t => writes.TitleAsync(step, null, t), cancellationToken).ConfigureAwait(false);
        }

        if (plan.Settings is ImportStep settings)
        {
            await RunAsync(settings, t => writes.ChangeSettingsAsync(settings, t), cancellationToken).ConfigureAwait(false);
        }

        foreach (ImportStep step in plan.Tags.Concat(Relinks(comparison.Tags, plan.Tags, writes)))
        {
            await RunAsync(step, t => step.Action == ChatbotImportAction.Create ? writes.CreateTagAsync(step, t) : Sent(step, writes, writes.ChangeTagAsync(step, t)), cancellationToken).ConfigureAwait(false);
        }

        foreach (ImportStep step in plan.Agents.Concat(Relinks(comparison.Agents, plan.Agents, writes)))
        {
            await RunAsync(step, t => step.Action == ChatbotImportAction.Create ? writes.CreateAgentAsync(step, t) : Sent(step, writes, writes.ChangeAgentAsync(step, t)), cancellationToken).ConfigureAwait(false);
        }

        foreach (ImportStep step in plan.Functions)
        {
            if (!writes.HasAgentFor(step))
            {
                Settle(step, ChatbotImportOutcome.NotDone, "its agent is not in the chatbot");
                continue;
            }

            await RunAsync(step, t => step.Action == ChatbotImportAction.Create ? writes.CreateFunctionAsync(step, t) : writes.ChangeFunctionAsync(step, t), cancellationToken).ConfigureAwait(false);
        }

        await RemoveAsync(plan.Removals.Concat(writes.Replaced.Select(r => Replaced(r.Step, r.Uuid))).ToList(), writes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>New Q&amp;A pairs and web pages, a few at once; pairs of the same question one after another, so that they keep their order.</summary>
    private async Task CreateSourcesAsync(List<ImportStep> steps, ImportWrites writes, CancellationToken cancellationToken)
    {
        var confirmed = new List<ImportStep>();
        foreach (ImportStep step in steps)
        {
            if (_failures > 0)
            {
                Settle(step, ChatbotImportOutcome.NotDone, NotDoneReason);
            }
            else if (await host.ConfirmAsync(options.TargetDescription, step.Description).ConfigureAwait(false))
            {
                confirmed.Add(step);
            }
            else
            {
                Settle(step, ChatbotImportOutcome.Skipped, "not confirmed");
            }
        }

        if (confirmed.Count == 0)
        {
            return;
        }

        api.Client.AllowParallelRequests(options.ThrottleLimit);
        var slots = new SemaphoreSlim(options.ThrottleLimit);
        await Task.WhenAll(confirmed.GroupBy(s => s.Item.NameGroup).Select(async group =>
        {
            foreach (ImportStep step in group)
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Execute(step, t => writes.CreateSourceAsync(step, t), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Tags and agents whose members changed only because a source they name was replaced: their uuids are new.</summary>
    private static IEnumerable<ImportStep> Relinks(List<ItemComparison> items, List<ImportStep> planned, ImportWrites writes)
    {
        foreach (ItemComparison item in items.Where(i => !i.IsMissing && !i.IsExtra && planned.All(p => p.Comparison != i) && writes.MembersDiffer(i)))
        {
            var step = new ImportStep(ChatbotImportAction.Change, item) { Reason = "a source it names was replaced by a new one" };
            step.Changes.Add(new PropertyChange("data_sources", item.Actual!["data_sources"], item.Expected!["data_sources"], Secret: false));
            yield return step;
        }
    }

    /// <summary>A change that found nothing to send names no source the chatbot has: it waits for those sources.</summary>
    private static async Task Sent(ImportStep step, ImportWrites writes, Task<bool> sending)
    {
        if (!await sending.ConfigureAwait(false))
        {
            step.Outcome = ChatbotImportOutcome.NotCopied;
            step.Reason = "it names sources that are not in the chatbot: " + string.Join(", ", writes.Unresolved(step));
        }
    }

    private static ImportStep Replaced(ImportStep replacement, string uuid)
        => new(ChatbotImportAction.Remove, new ItemComparison(null, replacement.Comparison.Actual)) { Uuid = uuid, Reason = "replaced by a new pair with the answer of the files" };

    /// <summary>Removals come last, each confirmed, and none at all after a failure: what a failed run leaves is never less than before.</summary>
    private async Task RemoveAsync(List<ImportStep> removals, ImportWrites writes, CancellationToken cancellationToken)
    {
        foreach (ImportStep step in removals)
        {
            await RunAsync(step, t => writes.RemoveAsync(step, t), cancellationToken, _failures > 0 ? $"not removed: {_failures} {(_failures == 1 ? "step" : "steps")} failed in this run" : null).ConfigureAwait(false);
        }
    }

    private const string NotDoneReason = "not done: an earlier step failed, and the run makes no change after a failure";

    private async Task RunAsync(ImportStep step, Func<CancellationToken, Task> write, CancellationToken cancellationToken, string? notDone = null)
    {
        if (_failures > 0)
        {
            Settle(step, ChatbotImportOutcome.NotDone, notDone ?? NotDoneReason);
            return;
        }

        if (!await host.ConfirmAsync(options.TargetDescription, step.Description).ConfigureAwait(false))
        {
            Settle(step, ChatbotImportOutcome.Skipped, "not confirmed");
            return;
        }

        await Execute(step, write, cancellationToken).ConfigureAwait(false);
    }

    private async Task Execute(ImportStep step, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (_failures > 0)
        {
            Settle(step, ChatbotImportOutcome.NotDone, NotDoneReason);
            return;
        }

        try
        {
            await write(cancellationToken).ConfigureAwait(false);
            step.Outcome ??= ChatbotImportOutcome.Done;
        }
        catch (GptTrainerException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            step.Outcome = ChatbotImportOutcome.Failed;
            step.Reason = ex.Message;
            host.Error(OperationError.From(ex, step.Uuid ?? step.Comparison.Actual?.Uuid ?? step.Item.Display, $"Could not {step.Description.Substring(0, 1).ToLowerInvariant()}{step.Description.Substring(1)}: {ex.Message}"));
        }

        Emit(step);
    }

    private void Settle(ImportStep step, ChatbotImportOutcome outcome, string reason)
    {
        step.Outcome = outcome;
        step.Reason = reason;
        Emit(step);
    }

    private void Emit(ImportStep step)
    {
        lock (_counts)
        {
            var key = (step.Action, step.Outcome ?? ChatbotImportOutcome.NotDone);
            _counts[key] = (_counts.TryGetValue(key, out int n) ? n : 0) + 1;
            _done++;
            if (_total > 0)
            {
                host.Progress(new ProgressReport(ProgressId, Activity, $"{_done} of {_total}: {step.Description}", Math.Min(100, _done * 100 / _total)));
            }
        }

        foreach (ChatbotImportResult result in step.Results(_chatbot))
        {
            host.Output(result);
        }
    }

    /// <summary>One line for whoever sees only the progress bar, and for CI logs to grep.</summary>
    private void Summarize()
    {
        int Count(ChatbotImportAction? action, ChatbotImportOutcome outcome) => _counts.Where(c => (action is null || c.Key.Item1 == action) && c.Key.Item2 == outcome).Sum(c => c.Value);
        string target = options.NewName is null ? $"chatbot {_chatbot}" : $"a new chatbot '{options.NewName}'{(_chatbot is null ? string.Empty : $" ({_chatbot})")}";
        string text = host.WhatIf
            ? $"What if: importing {options.From} into {target} would create {Count(ChatbotImportAction.Create, ChatbotImportOutcome.Planned)}, change {Count(ChatbotImportAction.Change, ChatbotImportOutcome.Planned)} and remove {Count(ChatbotImportAction.Remove, ChatbotImportOutcome.Planned)} items; {Count(null, ChatbotImportOutcome.NotCopied)} not copied."
            : $"Imported {options.From} into {target}: {Count(ChatbotImportAction.Create, ChatbotImportOutcome.Done)} created, {Count(ChatbotImportAction.Change, ChatbotImportOutcome.Done)} changed, {Count(ChatbotImportAction.Remove, ChatbotImportOutcome.Done)} removed, {Count(null, ChatbotImportOutcome.NotCopied)} not copied, {Count(null, ChatbotImportOutcome.Failed)} failed, {Count(null, ChatbotImportOutcome.NotDone)} not done, {Count(null, ChatbotImportOutcome.Skipped)} skipped.";
        host.Progress(new ProgressReport(ProgressId, Activity, "Done", Completed: true));
        host.Information(text, "GptTrainerImportSummary");
    }
}
