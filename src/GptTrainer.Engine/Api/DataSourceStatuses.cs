namespace GptTrainer.Api;

/// <summary>
/// What a data source's status says about its processing. The set is open: the reference names success,
/// four failures and several working states, and clients have seen more, so anything not known to be an
/// end is taken as still working.
/// </summary>
internal static class DataSourceStatuses
{
    public const string Succeeded = "success";

    /// <summary>The statuses the documentation and the Python SDK name: what a filter and tab completion offer.</summary>
    public static readonly string[] Known =
    {
        "success", "await", "queued", "pending", "assigned", "downloading", "extracting", "chunking", "embedding", "running", "error", "error:token", "error:storage", "fail",
    };

    /// <summary>The data source types the documentation and the Python SDK name.</summary>
    public static readonly string[] KnownTypes = { "upload", "link", "qa", "file", "google-drive", "table", "image", "video" };

    public static bool IsSucceeded(string? status) => string.Equals(status, Succeeded, StringComparison.OrdinalIgnoreCase);

    /// <summary>error, error:token, error:storage and fail, and any other error:... a later service may add.</summary>
    public static bool IsFailed(string? status)
        => status is not null
        && (string.Equals(status, "fail", StringComparison.OrdinalIgnoreCase)
            || string.Equals(status, "error", StringComparison.OrdinalIgnoreCase)
            || status.StartsWith("error:", StringComparison.OrdinalIgnoreCase));

    /// <summary>Limits of the plan are the usual cause; they say so, and what to do about them.</summary>
    public static bool IsPlanLimit(string? status)
        => string.Equals(status, "error:token", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "error:storage", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a failure status means, for an error message.</summary>
    public static string Explain(string? status) => status?.ToLowerInvariant() switch
    {
        "error:token" => "the chatbot has reached its plan's token limit, so the source's content could not be added; remove other sources or raise the plan, then restart it with Restart-GptTrainerDataSource",
        "error:storage" => "the account has reached its plan's storage limit; remove sources or raise the plan, then restart it with Restart-GptTrainerDataSource",
        "fail" => "the service could not read or process the source (a damaged file, a scanned document without text, or a page that could not be fetched); fix it and add it again, or restart it with Restart-GptTrainerDataSource",
        _ => "the service reported an error while processing the source (a damaged file, a scanned document without text, or a page that could not be fetched); restart it with Restart-GptTrainerDataSource or add it again",
    };
}
