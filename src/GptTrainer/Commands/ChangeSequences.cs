namespace GptTrainer.Commands;

/// <summary>
/// The sequences the Set- and Remove- cmdlets share: what is checked before any request, how each change is
/// confirmed (-WhatIf, -Confirm, -Force, named when the module knows the name), and how one failing item
/// leaves the others to go on.
/// </summary>
internal sealed class ChangeSequences(ApiCmdlet cmdlet)
{
    /// <summary>
    /// The Set- sequence: a change with nothing in it is refused before any request, then confirmed, sent, and
    /// its result written only with -PassThru.
    /// </summary>
    public void SendChange<T>(string target, IReadOnlyCollection<string> changed, string whatToGive, bool passThru, Func<GptTrainerApi, CancellationToken, Task<T>> send)
    {
        if (changed.Count == 0)
        {
            throw new InputException(ErrorRecords.InputError("NothingToChange", "Give at least one setting to change, such as " + whatToGive + ".", ErrorCategory.InvalidArgument, cmdlet.ErrorTarget));
        }

        if (!cmdlet.ShouldProcess(target, "Change " + string.Join(", ", changed)))
        {
            return;
        }

        T updated = cmdlet.Call(send);
        if (passThru)
        {
            cmdlet.WriteObject(updated);
        }
    }

    /// <summary>
    /// Removal of items the API deletes one request at a time: each is checked, confirmed (named, when the
    /// module knows the name) and removed on its own, and one failing does not stop the others.
    /// </summary>
    public void RemoveEach(IEnumerable<string?>? values, string parameterName, string kind, string action, Func<GptTrainerApi, string, CancellationToken, Task> delete, Action<string>? removed = null)
        => cmdlet.ForEachUuid(values, parameterName, uuid =>
        {
            if (cmdlet.ShouldProcessUnlessForced(KnownNames.Describe(kind, uuid), action))
            {
                cmdlet.Call((api, token) => delete(api, uuid, token));
                removed?.Invoke(uuid);
            }
        });

    /// <summary>
    /// The first half of a removal or batch the API takes many uuids at once for: each piped uuid is checked
    /// and confirmed as it arrives, and kept (once) for <see cref="RemoveTogether"/> or a batch call at the end.
    /// </summary>
    public void ConfirmEach(IEnumerable<string?>? values, string parameterName, string kind, string action, List<string> confirmed)
        => cmdlet.ForEachUuid(values, parameterName, uuid =>
        {
            if (!confirmed.Contains(uuid) && cmdlet.ShouldProcess(KnownNames.Describe(kind, uuid), action))
            {
                confirmed.Add(uuid);
            }
        });

    /// <summary>
    /// Removes the confirmed uuids when the pipeline ends, <see cref="Batches.Size"/> per request: one through the
    /// single endpoint, more through the bulk endpoint. A batch that fails does not stop the next.
    /// </summary>
    public void RemoveTogether(
        IReadOnlyList<string> confirmed,
        string itemName,
        Func<GptTrainerApi, string, CancellationToken, Task> deleteOne,
        Func<GptTrainerApi, IReadOnlyList<string>, CancellationToken, Task> deleteMany)
    {
        foreach (List<string> batch in Batches.Of(confirmed))
        {
            cmdlet.ErrorTarget = confirmed.Count == 1 ? confirmed[0] : batch.ToArray();
            cmdlet.ReportingErrors(() =>
            {
                if (confirmed.Count > 1)
                {
                    cmdlet.Verbose($"Removing {batch.Count} {itemName}s in one request.");
                }

                cmdlet.Call((api, token) => Batches.DeleteAsync(batch, confirmed.Count == 1, (uuid, t) => deleteOne(api, uuid, t), (uuids, t) => deleteMany(api, uuids, t), token));
            });
        }
    }
}
