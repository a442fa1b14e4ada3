using System.Collections.Concurrent;

namespace GptTrainer.Completion;

/// <summary>
/// The lists tab completion shows from, fetched from the service at most every few seconds per connection
/// and list. A list is kept, not what one completer made of it, so completing a name and then a uuid of the
/// same kind asks once. Completion must never throw or hang the prompt, so every failure or slow answer
/// yields nothing.
/// </summary>
internal static class CompletionCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private static readonly ConcurrentDictionary<string, (DateTime Expires, object List)> Entries = new();

    /// <summary>Any change made through the module may add or remove what completion offers.</summary>
    public static void Clear() => Entries.Clear();

    /// <summary>The candidates <paramref name="candidates"/> makes of the list <paramref name="list"/> names (one name, one list type).</summary>
    public static IReadOnlyList<CompletionCandidate> Get<T>(string list, Func<GptTrainerApi, CancellationToken, Task<List<T>>> fetch, Func<List<T>, IEnumerable<CompletionCandidate>> candidates)
    {
        try
        {
            ConnectionSettings? connection = ConnectionResolver.Resolve(ModuleState.Current.Connection, out _);
            if (connection is null)
            {
                return Array.Empty<CompletionCandidate>();
            }

            string key = connection.Fingerprint + "|" + list;
            if (Entries.TryGetValue(key, out var entry) && entry.Expires > DateTime.UtcNow)
            {
                return candidates((List<T>)entry.List).ToList();
            }

            RequestPolicy quick = connection.Policy with { MaximumRetryCount = 0, ConnectTimeout = Budget, IdleTimeout = Budget, ResponseTimeout = Budget };
            var api = new GptTrainerApi(new ApiClient(connection, quick, NullApiLog.Instance));
            using var cancel = new CancellationTokenSource(Budget);
            Task<List<T>> task = fetch(api, cancel.Token);
            if (!task.Wait(Budget) || task.Status != TaskStatus.RanToCompletion)
            {
                task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                return Array.Empty<CompletionCandidate>();
            }

            Entries[key] = (DateTime.UtcNow + Lifetime, task.Result);
            KnownNames.RememberFrom(task.Result);
            return candidates(task.Result).ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionCandidate>();
        }
    }
}
