namespace GptTrainer.Api;

/// <summary>
/// Work the API takes many uuids at once for (removals, restarts, re-scrapes): at most <see cref="Size"/> per
/// request, so that no request grows without bound; a removal of one item goes to the single endpoint.
/// </summary>
internal static class Batches
{
    public const int Size = 100;

    /// <summary>The items in order, <see cref="Size"/> at a time, one request's worth each.</summary>
    public static IEnumerable<List<T>> Of<T>(IReadOnlyList<T> items)
    {
        for (int start = 0; start < items.Count; start += Size)
        {
            yield return items.Skip(start).Take(Size).ToList();
        }
    }

    /// <summary>
    /// One request removing one batch: through the single endpoint when the whole removal is one item
    /// (<paramref name="alone"/>), through the bulk endpoint otherwise.
    /// </summary>
    public static Task DeleteAsync(
        IReadOnlyList<string> batch,
        bool alone,
        Func<string, CancellationToken, Task> deleteOne,
        Func<IReadOnlyList<string>, CancellationToken, Task> deleteMany,
        CancellationToken cancellationToken)
        => alone ? deleteOne(batch[0], cancellationToken) : deleteMany(batch, cancellationToken);
}
