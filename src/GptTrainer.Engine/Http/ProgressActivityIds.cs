namespace GptTrainer.Http;

/// <summary>
/// Ids for the progress bars that come and go with a request (an upload, a retry wait). One counter for all
/// of them, so two never share an id however many a session makes, starting well above the fixed ids of the
/// cmdlets' own bars.
/// </summary>
internal static class ProgressActivityIds
{
    private static int _last = 100_000;

    public static int Next() => Interlocked.Increment(ref _last);
}
