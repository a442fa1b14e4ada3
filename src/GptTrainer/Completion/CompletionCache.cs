using System.Collections.Concurrent;

namespace GptTrainer.Completion;

/// <summary>
/// What tab completion shows, fetched from the service at most every few seconds per connection and list.
/// Completion must never throw or hang the prompt, so every failure or slow answer yields nothing.
/// </summary>
internal static class CompletionCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private static readonly ConcurrentDictionary<string, (DateTime Expires, IReadOnlyList<CompletionCandidate> Items)> Entries = new();

    /// <summary>Any change made through the module may add or remove what completion offers.</summary>
    public static void Clear() => Entries.Clear();

    public static IReadOnlyList<CompletionCandidate> Get(string list, Func<GptTrainerApi, CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> fetch)
    {
        try
        {
            ConnectionSettings? connection = ConnectionResolver.Resolve(ModuleState.Current, out _);
            if (connection is null)
            {
                return Array.Empty<CompletionCandidate>();
            }

            string key = connection.Fingerprint + "|" + list;
            if (Entries.TryGetValue(key, out var entry) && entry.Expires > DateTime.UtcNow)
            {
                return entry.Items;
            }

            RequestPolicy quick = connection.Policy with { MaximumRetryCount = 0, ConnectTimeout = Budget, IdleTimeout = Budget, ResponseTimeout = Budget };
            var api = new GptTrainerApi(new ApiClient(connection, quick, NullApiLog.Instance));
            using var cancel = new CancellationTokenSource(Budget);
            Task<IReadOnlyList<CompletionCandidate>> task = fetch(api, cancel.Token);
            if (!task.Wait(Budget) || task.Status != TaskStatus.RanToCompletion)
            {
                task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                return Array.Empty<CompletionCandidate>();
            }

            Entries[key] = (DateTime.UtcNow + Lifetime, task.Result);
            return task.Result;
        }
        catch (Exception)
        {
            return Array.Empty<CompletionCandidate>();
        }
    }
}
