namespace GptTrainer.Operations;

/// <summary>Work over many items, at most a given number at once, all through the process's one connection pool.</summary>
internal static class Throttled
{
    /// <summary>
    /// Runs <paramref name="work"/> for each item (with its index), items started in order, at most
    /// <paramref name="limit"/> at once. Each worker takes the next item when it is done with one, so a slow item
    /// holds up only its own worker. Work that must not stop the others catches its own failures.
    /// </summary>
    public static Task ForEachAsync<T>(IReadOnlyList<T> items, int limit, Func<T, int, Task> work, CancellationToken cancellationToken)
    {
        int next = -1;
        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await work(items[index], index).ConfigureAwait(false);
            }
        }

        return Task.WhenAll(Enumerable.Range(0, Math.Max(0, Math.Min(limit, items.Count))).Select(_ => Task.Run(Worker, cancellationToken)));
    }
}
