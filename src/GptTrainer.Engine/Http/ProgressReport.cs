namespace GptTrainer.Http;

/// <summary>
/// One progress update of long work (a retry's wait, an upload, a sync), for the host to show the way it
/// shows progress; the module turns it into a PowerShell progress record.
/// </summary>
/// <param name="ActivityId">Tells concurrent activities apart; from <see cref="ProgressActivityIds"/> or a fixed id of the caller's.</param>
/// <param name="PercentComplete">0 to 100, or -1 when unknown.</param>
/// <param name="Completed">The activity is over and its bar goes away.</param>
public sealed record ProgressReport(int ActivityId, string Activity, string Status, int PercentComplete = -1, bool Completed = false);
